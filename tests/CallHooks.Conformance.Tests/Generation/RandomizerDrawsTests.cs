using Bogus;
using CallHooks.Conformance.Generation;

namespace CallHooks.Conformance.Tests.Generation;

/// <summary>
/// The cheap draws must give what the Bogus methods they replace give, value for value and in step, or every seed
/// would generate different calls than before (and than the golden files).
/// </summary>
public sealed class RandomizerDrawsTests
{
    [Test]
    public void Each_draw_equals_the_Bogus_method_it_replaces_and_leaves_the_stream_in_the_same_place()
    {
        for (var seed = 0; seed < 2000; seed++)
        {
            var ours = new Randomizer(seed);
            var bogus = new Randomizer(seed);
            Assert.Multiple(() =>
            {
                Assert.That(ours.HexDigits(16), Is.EqualTo(bogus.Hexadecimal(16, prefix: "")), $"hex, seed {seed}");
                Assert.That(ours.DecimalDigits(9), Is.EqualTo(bogus.ReplaceNumbers("#########")), $"digits, seed {seed}");
                Assert.That(ours.AlphaNumerics(10), Is.EqualTo(bogus.AlphaNumeric(10)), $"alphanumerics, seed {seed}");
                Assert.That(ours.HexDigits(32), Is.EqualTo(bogus.Hexadecimal(32, prefix: "")), $"long hex, seed {seed}");
                Assert.That(ours.Number(0, 1_000_000), Is.EqualTo(bogus.Number(0, 1_000_000)), $"next draw, seed {seed}");
            });
        }
    }
}
