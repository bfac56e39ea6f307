using Bogus;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Fills a scenario with realistic data. Every value comes from one seeded <see cref="Randomizer"/> and the
/// given start instant, never from the ambient clock, so the same seed and instant give the same call.
/// </summary>
internal static class CallGenerator
{
    [ThreadStatic]
    private static Faker? reusableFaker;

    public static Call Generate(Scenario scenario, int runSeed, DateTimeOffset startedAt) =>
        FromSeed(scenario, SeedMixer.Mix(runSeed, scenario.Provider, scenario.Name), startedAt);

    /// <summary>
    /// Call number <paramref name="callIndex"/> of a load run: its own data from <see cref="SeedMixer.ForCall"/>, and ids
    /// made unique to the index. Seeds are 31-bit, so among 100,000 calls a few share a seed (birthday bound) and
    /// would share every random value; the sequence number (hence the uid), the log id and the entropy profiles derive
    /// ids from are therefore folded with the index, which keeps them distinct even then.
    /// </summary>
    public static Call Generate(Scenario scenario, int runSeed, DateTimeOffset startedAt, long callIndex)
    {
        var call = FromSeed(scenario, SeedMixer.ForCall(runSeed, scenario.Provider, scenario.Name, callIndex), startedAt);
        return call with
        {
            Sequence = 1_000_000 + (callIndex % 9_000_000),
            LogId = FoldIndex(call.LogId, callIndex),
            Entropy = FoldIndex(call.Entropy[..16], callIndex) + call.Entropy[16..],
        };
    }

    /// <summary>16 hex digits XORed with an odd multiple of the index: a bijection for a fixed value, so equal random ids part ways.</summary>
    private static string FoldIndex(string hex16, long callIndex) =>
        (
            ulong.Parse(hex16, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
            ^ ((ulong)(callIndex + 1) * 0x9E3779B97F4A7C15ul)
        ).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static Call FromSeed(Scenario scenario, int seed, DateTimeOffset startedAt)
    {
        var random = RandomizerDraws.Seeded(seed);
        // Building a Faker loads its locale tables (milliseconds); one per thread, re-seeded per call, gives the same
        // values: every dataset draws from the Randomizer the assignment hands down.
        var person = reusableFaker ??= new Faker("en_IND");
        person.Random = random;
        var start = DateTimeOffset.FromUnixTimeSeconds(startedAt.ToUnixTimeSeconds());

        var agents = Enumerable.Range(0, Math.Max(1, scenario.Agents)).Select(_ => NewAgent(person)).ToList();
        var connected = scenario.Outcome is CallOutcome.Connected;
        var call = new Call
        {
            Type = scenario.CallType,
            Outcome = scenario.Outcome,
            StartedAt = start,
            Customer = IndianNumbers.Mobile(random),
            ServiceNumber = IndianNumbers.ServiceNumber(random),
            Agents = agents,
            RingSeconds = random.Number(3, connected ? 15 : 45),
            TalkSeconds = connected ? random.Number(20, 600) : 0,
            CompanyId = random.HexDigits(16),
            LogId = random.HexDigits(16),
            Node = random.ArrayElement(["n", "s"]) + random.Number(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sequence = random.Long(100_000, 9_999_999),
            ReferenceId = scenario.CallType is CallType.Obd ? TimeBasedUuid.Create(start, random) : null,
            PublicIvrId = random.HexDigits(16),
            ClientRefId = "crm-" + random.AlphaNumerics(10),
            Entropy = random.HexDigits(32),
        };

        // Drawn last, so that a scenario without busy agents gets exactly the values it always had.
        return scenario.BusyAgents == 0
            ? call
            : call with
            {
                BusyAgents = Enumerable.Range(0, scenario.BusyAgents).Select(_ => NewAgent(person)).ToList(),
            };
    }

    private static Agent NewAgent(Faker person)
    {
        var first = person.Name.FirstName();
        var last = person.Name.LastName();
        return new Agent(
            Id: person.Random.HexDigits(16),
            Name: first + " " + last,
            Email: AgentEmails.Email(person, first, last, "example.com").ToLowerInvariant(),
            Extension: person.Random.Number(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number: IndianNumbers.Mobile(person.Random)
        );
    }
}
