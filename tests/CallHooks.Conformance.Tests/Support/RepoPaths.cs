namespace CallHooks.Conformance.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Golden => Path.Combine(Root, "tests", "CallHooks.Conformance.Tests", "Golden");

    /// <summary>The one version every package carries, as Directory.Build.props sets it.</summary>
    public static string PackageVersion =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    private static string FindRoot()
    {
        for (
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallHooks.Conformance.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("CallHooks.Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
