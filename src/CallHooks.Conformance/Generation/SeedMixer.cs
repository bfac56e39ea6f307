using System.Text;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Derives one scenario's seed from the run seed and the scenario's identity, so a scenario generates
/// the same call whether it runs alone (<c>--scenario X</c>) or with the whole suite.
/// </summary>
internal static class SeedMixer
{
    public static int Mix(int runSeed, string provider, string scenario)
    {
        // FNV-1a over the identity's UTF-8 ("provider/scenario"), then a 32-bit finalizer (from MurmurHash3) folded with
        // the run seed. The two names are hashed in place: a load run mixes a seed for every call.
        var hash = Fnv(2166136261u, provider);
        hash = (hash ^ '/') * 16777619u;
        hash = Fnv(hash, scenario);
        var mixed = hash ^ (uint)runSeed;
        mixed ^= mixed >> 16;
        mixed *= 0x85ebca6bu;
        mixed ^= mixed >> 13;
        mixed *= 0xc2b2ae35u;
        mixed ^= mixed >> 16;
        return (int)(mixed & 0x7fffffff);
    }

    private static uint Fnv(uint hash, string text)
    {
        const int StackLimit = 512;
        var length = Encoding.UTF8.GetByteCount(text);
        Span<byte> utf8 = length <= StackLimit ? stackalloc byte[length] : new byte[length];
        foreach (var b in utf8[..Encoding.UTF8.GetBytes(text, utf8)])
            hash = (hash ^ b) * 16777619u;
        return hash;
    }

    /// <summary>The seed of call <paramref name="callIndex"/> of a load run: the scenario's seed folded with the index.</summary>
    public static int ForCall(int runSeed, string provider, string scenario, long callIndex)
    {
        // SplitMix64's finalizer: neighbouring indexes give unrelated seeds.
        var mixed = ((ulong)(uint)Mix(runSeed, provider, scenario) << 32) ^ (ulong)callIndex;
        mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ul;
        mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebul;
        mixed ^= mixed >> 31;
        return (int)(mixed & 0x7fffffff);
    }
}
