using Bogus;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Scenarios;

namespace CallHooks.Conformance.Generation;

/// <summary>
/// Fills a scenario with realistic data. Every value comes from one seeded <see cref="Randomizer"/> and the
/// given start instant, never from the ambient clock, so the same seed and instant give the same call.
/// </summary>
public static class CallGenerator
{
    public static Call Generate(Scenario scenario, int runSeed, DateTimeOffset startedAt)
    {
        var seed = SeedMixer.Mix(runSeed, scenario.Provider, scenario.Name);
        var random = new Randomizer(seed);
        var person = new Faker("en_IND") { Random = random };
        var start = DateTimeOffset.FromUnixTimeSeconds(startedAt.ToUnixTimeSeconds());

        var agents = Enumerable.Range(0, Math.Max(1, scenario.Agents)).Select(_ => NewAgent(person)).ToList();
        var connected = scenario.Outcome is CallOutcome.Connected;
        return new Call
        {
            Type = scenario.CallType,
            Outcome = scenario.Outcome,
            StartedAt = start,
            Customer = IndianNumbers.Mobile(random),
            ServiceNumber = IndianNumbers.ServiceNumber(random),
            Agents = agents,
            RingSeconds = random.Number(3, connected ? 15 : 45),
            TalkSeconds = connected ? random.Number(20, 600) : 0,
            CompanyId = random.Hexadecimal(16, prefix: ""),
            LogId = random.Hexadecimal(16, prefix: ""),
            Node = random.ArrayElement(["n", "s"]) + random.Number(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sequence = random.Long(100_000, 9_999_999),
            ReferenceId = scenario.CallType is CallType.Obd ? TimeBasedUuid.Create(start, random) : null,
            PublicIvrId = random.Hexadecimal(16, prefix: ""),
            ClientRefId = "crm-" + random.AlphaNumeric(10),
            Entropy = random.Hexadecimal(32, prefix: ""),
        };
    }

    private static Agent NewAgent(Faker person)
    {
        var first = person.Name.FirstName();
        var last = person.Name.LastName();
        return new Agent(
            Id: person.Random.Hexadecimal(16, prefix: ""),
            Name: first + " " + last,
            Email: person.Internet.Email(first, last, "example.com").ToLowerInvariant(),
            Extension: person.Random.Number(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number: IndianNumbers.Mobile(person.Random));
    }
}
