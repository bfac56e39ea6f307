namespace CallHooks.Conformance.Tests.Properties;

/// <summary>
/// Assertions for inside a property. NUnit's Assert records every failure in the test's context, including those of
/// the cases CsCheck tries while shrinking, which would bury the one report that matters: the smallest case and its
/// seed. These only throw; CsCheck catches, shrinks and reports.
/// </summary>
internal static class Holds
{
    public static void True(bool condition, Func<string> what)
    {
        if (!condition)
            throw new PropertyFailedException(what());
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw new PropertyFailedException($"{what}: expected {expected}, got {actual}");
    }

    public static void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var wanted = expected.ToList();
        var got = actual.ToList();
        if (!wanted.SequenceEqual(got))
            throw new PropertyFailedException($"{what}: expected [{string.Join(", ", wanted)}], got [{string.Join(", ", got)}]");
    }
}

/// <summary>A property did not hold for a generated case.</summary>
internal sealed class PropertyFailedException(string message) : Exception(message);
