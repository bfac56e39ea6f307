namespace CallHooks.Conformance.Tests.Scenarios.Schema;

/// <summary>Tests run from bin/...; the committed scenarios live at the repository root.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallHooks.Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no CallHooks.Conformance.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
