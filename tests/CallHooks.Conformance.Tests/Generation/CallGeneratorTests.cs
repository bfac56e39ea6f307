using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Generation;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Generation;

public sealed class CallGeneratorTests
{
    [Test]
    public void Same_seed_and_instant_give_the_same_call()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var first = CallGenerator.Generate(scenario, 7, Fixtures.Now);
        var second = CallGenerator.Generate(scenario, 7, Fixtures.Now);
        Assert.That(second, Is.EqualTo(first).Using<Call>((a, b) => Describe(a) == Describe(b)));
    }

    [Test]
    public void Different_seeds_give_different_calls()
    {
        var scenario = Fixtures.Scenario("incoming-answered");
        var calls = Enumerable.Range(0, 20).Select(seed => Describe(CallGenerator.Generate(scenario, seed, Fixtures.Now))).ToHashSet();
        Assert.That(calls, Has.Count.EqualTo(20));
    }

    [Test]
    public void A_scenario_generates_the_same_call_alone_or_within_a_suite()
    {
        // The per-scenario seed depends only on the run seed and the scenario's identity, not its position.
        var scenario = Fixtures.Scenario("obd-no-answer");
        Assert.That(SeedMixer.Mix(5, scenario.Provider, scenario.Name), Is.EqualTo(SeedMixer.Mix(5, "myoperator-incall", "obd-no-answer")));
        Assert.That(
            SeedMixer.Mix(5, scenario.Provider, scenario.Name),
            Is.Not.EqualTo(SeedMixer.Mix(5, scenario.Provider, "obd-answered"))
        );
    }

    [Test]
    public void Numbers_are_indian_mobiles_in_every_documented_shape()
    {
        foreach (var seed in Enumerable.Range(0, 200))
        {
            var call = CallGenerator.Generate(Fixtures.Scenario("incoming-missed"), seed, Fixtures.Now);
            foreach (var number in call.Agents.Select(agent => agent.Number).Append(call.Customer).Append(call.ServiceNumber))
            {
                Assert.That(number.National, Does.Match("^[6-9][0-9]{9}$"));
                Assert.That(number.E164, Does.Match(@"^\+91[6-9][0-9]{9}$"));
                Assert.That(number.Digits, Does.Match("^91[6-9][0-9]{9}$"));
            }
        }
    }

    [Test]
    public void Ids_have_the_documented_shapes()
    {
        var call = Fixtures.Call("obd-no-answer");
        Assert.Multiple(() =>
        {
            Assert.That(call.LogId, Does.Match("^[0-9a-f]{16}$"));
            Assert.That(call.CompanyId, Does.Match("^[0-9a-f]{16}$"));
            Assert.That(call.PublicIvrId, Does.Match("^[0-9a-f]{16}$"));
            Assert.That(call.Entropy, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(call.Node, Does.Match("^[ns][1-9]$"));
            Assert.That(call.ReferenceId, Is.Not.Null, "OBD calls carry a campaign reference");
            Assert.That(
                call.ReferenceId,
                Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                "a version-1 UUID like the sample's"
            );
            Assert.That(Guid.Parse(call.ReferenceId!).Version, Is.EqualTo(1));
        });
    }

    [Test]
    public void The_reference_id_timestamp_is_the_call_start()
    {
        // The documented sample fd771ed0-d3d1-11ea-... decodes to 2020-08-01 08:35:56 UTC, the sample's created time.
        var call = Fixtures.Call("obd-no-answer");
        var parts = call.ReferenceId!.Split('-');
        var ticks = Convert.ToInt64(parts[2][1..] + parts[1] + parts[0], 16);
        Assert.That(new DateTimeOffset(1582, 10, 15, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks), Is.EqualTo(call.StartedAt));
    }

    [Test]
    public void Only_outbound_dialer_calls_carry_a_reference_id()
    {
        Assert.That(Fixtures.Call("incoming-answered").ReferenceId, Is.Null);
        Assert.That(Fixtures.Call("click-to-call-rejected").ReferenceId, Is.Null);
    }

    [Test]
    public void Start_is_the_given_instant_in_whole_seconds_and_times_are_consistent()
    {
        var call = CallGenerator.Generate(Fixtures.Scenario("incoming-answered"), 1, Fixtures.Now.AddMilliseconds(750));
        Assert.Multiple(() =>
        {
            Assert.That(call.StartedAt, Is.EqualTo(Fixtures.Now));
            Assert.That(call.TalkSeconds, Is.GreaterThan(0), "connected calls have talk time");
            Assert.That(call.EndedAt, Is.EqualTo(call.StartedAt.AddSeconds(call.RingSeconds + call.TalkSeconds)));
        });
        Assert.That(Fixtures.Call("incoming-missed").TalkSeconds, Is.Zero, "missed calls have none");
    }

    [Test]
    public void Agents_are_as_many_as_the_scenario_rings_with_names_and_emails()
    {
        var call = Fixtures.Call("incoming-missed");
        Assert.That(call.Agents, Has.Count.EqualTo(2));
        foreach (var agent in call.Agents)
        {
            Assert.That(agent.Name, Does.Match(@"^\S+ \S+"));
            Assert.That(agent.Email, Does.EndWith("@example.com"));
            Assert.That(agent.Id, Does.Match("^[0-9a-f]{16}$"));
        }
    }

    private static string Describe(Call call) =>
        string.Join(
            "|",
            call.LogId,
            call.Node,
            call.Sequence,
            call.Customer,
            call.ServiceNumber,
            call.CompanyId,
            call.PublicIvrId,
            call.ClientRefId,
            call.Entropy,
            call.RingSeconds,
            call.TalkSeconds,
            call.ReferenceId,
            string.Join(",", call.Agents)
        );
}
