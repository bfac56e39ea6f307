using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Generation;

/// <summary>Load runs generate one call per index: reproducible, and never two calls with the same ids.</summary>
public sealed class LoadCallGenerationTests
{
    [Test]
    public void Two_calls_whose_seeds_collide_still_get_distinct_uids_log_ids_and_entropy()
    {
        // Seeds are 31-bit: among a few hundred thousand indexes two share a seed. Find such a pair.
        var scenario = Fixtures.Scenario("incoming-answered");
        var seen = new Dictionary<int, long>();
        (long First, long Second)? pair = null;
        for (long index = 0; index < 1_000_000 && pair is null; index++)
        {
            var seed = SeedMixer.ForCall(Fixtures.Seed, scenario.Provider, scenario.Name, index);
            if (seen.TryGetValue(seed, out var earlier))
                pair = (earlier, index);
            else
                seen[seed] = index;
        }

        Assert.That(pair, Is.Not.Null, "the birthday bound all but guarantees a collision in a million indexes");
        var first = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now, pair!.Value.First);
        var second = CallGenerator.Generate(scenario, Fixtures.Seed, Fixtures.Now, pair.Value.Second);
        Assert.That(second.Customer, Is.EqualTo(first.Customer), "same seed, same random data");
        Assert.That(second.Sequence, Is.Not.EqualTo(first.Sequence));
        Assert.That(second.LogId, Is.Not.EqualTo(first.LogId));
        Assert.That(second.LogId, Does.Match("^[0-9a-f]{16}$"));
        Assert.That(second.Entropy, Is.Not.EqualTo(first.Entropy));
        Assert.That(second.Entropy, Has.Length.EqualTo(32));
    }

    [Test]
    public void The_same_index_gives_the_same_ids_and_the_next_index_others()
    {
        var scenario = Fixtures.Scenario("obd-no-answer");
        var twelve = CallGenerator.Generate(scenario, 7, Fixtures.Now, 12);
        var again = CallGenerator.Generate(scenario, 7, Fixtures.Now, 12);
        var thirteen = CallGenerator.Generate(scenario, 7, Fixtures.Now, 13);
        Assert.That(SameIds(twelve, again), Is.True);
        Assert.That(thirteen.LogId, Is.Not.EqualTo(twelve.LogId));
    }

    private static bool SameIds(Calls.Call left, Calls.Call right) =>
        left.LogId == right.LogId
        && left.Sequence == right.Sequence
        && left.Entropy == right.Entropy
        && left.Customer == right.Customer
        && left.ReferenceId == right.ReferenceId;
}
