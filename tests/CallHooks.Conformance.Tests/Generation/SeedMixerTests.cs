using System.Text;
using CallHooks.Conformance.Generation;

namespace CallHooks.Conformance.Tests.Generation;

/// <summary>Seeds are the FNV-1a hash of "provider/scenario" in UTF-8, finalized with the run seed: every seed ever printed depends on it.</summary>
public sealed class SeedMixerTests
{
    [TestCase("myoperator-incall", "obd-no-answer")]
    [TestCase("twilio", "incoming-answered")]
    [TestCase("acefone", "évènement-spécial ☎")]
    [TestCase("lone", "\ud800 surrogate")]
    [TestCase("", "")]
    public void Mixes_the_identity_as_hashing_its_utf8_text_whole_would(string provider, string scenario)
    {
        foreach (var runSeed in new[] { 0, 1, 42, -7, int.MaxValue, int.MinValue })
            Assert.That(SeedMixer.Mix(runSeed, provider, scenario), Is.EqualTo(Reference(runSeed, provider + "/" + scenario)));
    }

    [Test]
    public void A_name_longer_than_the_stack_buffer_mixes_the_same_way()
    {
        var name = string.Concat(Enumerable.Repeat("scénario-", 100));
        Assert.That(SeedMixer.Mix(42, "provider", name), Is.EqualTo(Reference(42, "provider/" + name)));
    }

    private static int Reference(int runSeed, string identity)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(identity))
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
