using System.Runtime.CompilerServices;
using Bogus;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Strings of random characters drawn exactly as Bogus draws them, at a fraction of the cost. Bogus's
/// <c>Hexadecimal</c>, <c>AlphaNumeric</c> and <c>ReplaceNumbers</c> take one <c>Number(0, alphabet length - 1)</c>
/// per character, that is <c>Next(0, alphabet length)</c> on the Randomizer's seeded <see cref="Random"/>, but each
/// through LINQ, a closure, a StringBuilder and a process-wide lock. A call takes some 150 such draws, and a load run
/// generates thousands of calls a second on every core. Here each is a plain <c>Next</c> on the same generator,
/// so a seed gives the same values as before; tests hold every method equal to the Bogus method it replaces.
/// The lock is not needed: a Randomizer here belongs to one call on one thread.
/// </summary>
internal static class RandomizerDraws
{
    public const string HexAlphabet = "0123456789abcdef";
    public const string DigitAlphabet = "0123456789";
    public const string AlphaNumericAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>Lower-case hex digits; <c>Hexadecimal(length, prefix: "")</c>.</summary>
    public static string HexDigits(this Randomizer random, int length) => Draw(random, length, HexAlphabet);

    /// <summary>Decimal digits; <c>ReplaceNumbers</c> of <paramref name="length"/> <c>#</c> symbols.</summary>
    public static string DecimalDigits(this Randomizer random, int length) => Draw(random, length, DigitAlphabet);

    /// <summary>Digits and lower-case letters; <c>AlphaNumeric(length)</c>.</summary>
    public static string AlphaNumerics(this Randomizer random, int length) => Draw(random, length, AlphaNumericAlphabet);

    /// <summary>
    /// A Randomizer that draws exactly what <c>new Randomizer(seed)</c> draws, started in a fraction of the time: the
    /// parameterless constructor takes no seed, and the generator it would share is replaced by a <see cref="SeededRandom"/>.
    /// </summary>
    public static Randomizer Seeded(int seed)
    {
        var randomizer = new Randomizer();
        Generator(randomizer) = new SeededRandom(seed);
        return randomizer;
    }

    // The seeded generator Bogus keeps privately (Bogus 34, pinned in Directory.Packages.props). Should a Bogus update
    // rename it, this throws MissingFieldException on first use and the generation tests fail.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "localSeed")]
    private static extern ref Random Generator(Randomizer randomizer);

    private static string Draw(Randomizer random, int length, string alphabet) =>
        string.Create(length, (Generator: Generator(random), Alphabet: alphabet), static (characters, state) =>
        {
            for (var index = 0; index < characters.Length; index++)
                characters[index] = state.Alphabet[state.Generator.Next(0, state.Alphabet.Length)];
        });
}
