using System.Text;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Derives one scenario's seed from the run seed and the scenario's identity, so a scenario generates
/// the same call whether it runs alone (<c>--scenario X</c>) or with the whole suite.
/// </summary>
public static class SeedMixer
{
    public static int Mix(int runSeed, string provider, string scenario)
    {
        // FNV-1a over the identity, then a 32-bit finalizer (from MurmurHash3) folded with the run seed.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(provider + "/" + scenario))
            hash = (hash ^ b) * 16777619u;
        var mixed = hash ^ (uint)runSeed;
        mixed ^= mixed >> 16;
        mixed *= 0x85ebca6bu;
        mixed ^= mixed >> 13;
        mixed *= 0xc2b2ae35u;
        mixed ^= mixed >> 16;
        return (int)(mixed & 0x7fffffff);
    }
}
