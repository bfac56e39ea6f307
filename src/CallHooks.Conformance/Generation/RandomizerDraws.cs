using Bogus;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Bogus's <c>Hexadecimal</c>, <c>AlphaNumeric</c> and <c>ReplaceNumbers</c> build every string through LINQ, a closure
/// and a StringBuilder. <see cref="Randomizer.String2(int, string)"/> draws exactly the same numbers (one
/// <c>Number(0, alphabet length - 1)</c> per character, over the same alphabet in the same order) straight into a char
/// array: the same values for a seed at a fraction of the cost, which matters when a load run generates thousands of
/// calls a second. A test holds each one equal to the Bogus method it replaces.
/// </summary>
internal static class RandomizerDraws
{
    public const string HexAlphabet = "0123456789abcdef";
    public const string DigitAlphabet = "0123456789";
    public const string AlphaNumericAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>Lower-case hex digits; <c>Hexadecimal(length, prefix: "")</c>.</summary>
    public static string HexDigits(this Randomizer random, int length) => random.String2(length, HexAlphabet);

    /// <summary>Decimal digits; <c>ReplaceNumbers</c> of <paramref name="length"/> <c>#</c> symbols.</summary>
    public static string DecimalDigits(this Randomizer random, int length) => random.String2(length, DigitAlphabet);

    /// <summary>Digits and lower-case letters; <c>AlphaNumeric(length)</c>.</summary>
    public static string AlphaNumerics(this Randomizer random, int length) => random.String2(length, AlphaNumericAlphabet);
}
