namespace CallHooks.Conformance.Generation;

/// <summary>
/// The sequence <c>new Random(seed)</c> gives, value for value, for a fraction of the cost of starting it. Seeded
/// <see cref="Random"/> keeps the subtractive generator .NET has always used with a seed (Knuth's, with .NET's own
/// choices: a 55-value table mixed four times, the second index starting 21 behind), so seeds reproduce across
/// versions; but filling its table costs about 2 µs, in branches the processor cannot predict, and a load run seeds
/// one generator per call, thousands a second. Here the table is filled without those branches. Drawing is the same
/// arithmetic as the runtime's. A subclass of <see cref="Random"/> whose overrides never reach the base starts for
/// free (the base defers its own generator until used), so Bogus can draw from this in place of the one it would make.
/// Tests hold every method equal to <c>new Random(seed)</c> over thousands of seeds.
/// </summary>
internal sealed class SeededRandom : Random
{
    private const int Size = 56; // the table's slots 1..55 are used
    private const int Magic = 161_803_398; // the golden ratio's digits, Knuth's MSEED

    private readonly int[] table = new int[Size];
    private int next;
    private int nextAhead = 21;

    public SeededRandom(int seed)
    {
        var state = table;
        var subtraction = seed == int.MinValue ? int.MaxValue : Math.Abs(seed);
        var previous = Magic - subtraction; // negative for seeds above Magic, as in the runtime
        state[55] = previous;
        var value = 1;
        var slot = 0;
        for (var i = 1; i < 55; i++)
        {
            // Slots are visited 21 apart, modulo 55.
            slot += 21;
            if (slot >= 55)
                slot -= 55;
            state[slot] = value;
            value = NonNegative(unchecked(previous - value));
            previous = state[slot];
        }

        for (var round = 0; round < 4; round++)
        {
            // Slot i takes away slot i + 31 (wrapping past 55 to 1): first against slots not yet changed this round,
            // then, from i = 25 on, against slots already changed.
            for (var i = 1; i < 25; i++)
                state[i] = NonNegative(unchecked(state[i] - state[i + 31]));
            for (var i = 25; i < Size; i++)
                state[i] = NonNegative(unchecked(state[i] - state[i - 24]));
        }
    }

    public override int Next() => Draw();

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(Sample() * maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (long)maxValue - minValue;
        return range <= int.MaxValue ? (int)(Sample() * range) + minValue : (int)((long)(SampleForLargeRange() * range) + minValue);
    }

    public override double NextDouble() => Sample();

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)Draw();
    }

    // The 64-bit and single-precision draws are not used by Bogus (nor by anything here); rather than guess the
    // runtime's composition of them, they refuse, so a future caller finds out at once instead of drifting silently.
    public override long NextInt64() => throw Unsupported();

    public override long NextInt64(long maxValue) => throw Unsupported();

    public override long NextInt64(long minValue, long maxValue) => throw Unsupported();

    public override float NextSingle() => throw Unsupported();

    protected override double Sample() => Draw() * (1.0 / int.MaxValue);

    private static NotSupportedException Unsupported() =>
        new("SeededRandom reproduces the 32-bit and double draws of a seeded System.Random only");

    /// <summary>A value below <see cref="int.MaxValue"/>: <paramref name="value"/>, or that plus int.MaxValue when negative.</summary>
    private static int NonNegative(int value) => unchecked(value + ((value >> 31) & int.MaxValue));

    private int Draw()
    {
        var state = table;
        var at = next + 1;
        if (at >= Size)
            at = 1;
        var ahead = nextAhead + 1;
        if (ahead >= Size)
            ahead = 1;
        var value = unchecked(state[at] - state[ahead]);
        if (value == int.MaxValue)
            value--;
        value = NonNegative(value);
        state[at] = value;
        next = at;
        nextAhead = ahead;
        return value;
    }

    /// <summary>A double in [0, 1) from two draws: one for the magnitude, one for its sign, as the runtime does for ranges over 2^31.</summary>
    private double SampleForLargeRange()
    {
        var result = Draw();
        if (Draw() % 2 == 0)
            result = -result;
        double value = result;
        value += int.MaxValue - 1;
        value /= 2u * int.MaxValue - 1;
        return value;
    }
}
