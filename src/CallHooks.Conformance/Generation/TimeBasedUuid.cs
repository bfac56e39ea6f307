using System.Globalization;
using Bogus;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// RFC 4122 version-1 (time-based) UUIDs, the kind MyOperator's sample reference_id is
/// (<c>fd771ed0-d3d1-11ea-...</c>: version 1, timestamp in 2020). The timestamp is the call's start;
/// clock sequence and node come from the seeded randomizer, so the value is reproducible.
/// </summary>
internal static class TimeBasedUuid
{
    /// <summary>The UUID epoch, 1582-10-15 (the Gregorian reform), counted in 100 ns ticks.</summary>
    private static readonly DateTimeOffset Epoch = new(1582, 10, 15, 0, 0, 0, TimeSpan.Zero);

    public static string Create(DateTimeOffset time, Randomizer random)
    {
        var clockSequence = (ushort)random.Number(0, 0x3FFF);
        var high = (ulong)(uint)random.Number(0, 0xFFFFFF);
        var low = (ulong)(uint)random.Number(0, 0xFFFFFF);
        return Format(time, clockSequence, (high << 24) | low);
    }

    /// <summary>The same shape with clock sequence and node taken from <paramref name="bits"/> (a hash), for ids derived without a randomizer.</summary>
    public static string Create(DateTimeOffset time, ulong bits) =>
        Format(time, (ushort)(bits & 0x3FFF), (bits >> 14) & 0xFFFF_FFFF_FFFFUL);

    private static string Format(DateTimeOffset time, ushort clockSequence, ulong node48)
    {
        var ticks = (ulong)(time - Epoch).Ticks;
        var timeLow = (uint)(ticks & 0xFFFF_FFFF);
        var timeMid = (ushort)((ticks >> 32) & 0xFFFF);
        var timeHighAndVersion = (ushort)(((ticks >> 48) & 0x0FFF) | 0x1000);
        var variantAndSequence = (ushort)((clockSequence & 0x3FFF) | 0x8000);
        // A random node id must have the multicast bit set so it never collides with a real MAC address.
        var node = node48 | 0x0100_0000_0000UL;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{timeLow:x8}-{timeMid:x4}-{timeHighAndVersion:x4}-{variantAndSequence:x4}-{node:x12}"
        );
    }
}
