using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;

namespace CallHooks.Conformance.Tests.Expectations;

public sealed class ExpectationEvaluatorTests
{
    private static readonly ExpectationSpec Default = new() { Status = StatusExpectation.Success, Within = TimeSpan.FromSeconds(5) };

    [Test]
    public void A_fast_2xx_passes() => Assert.That(ExpectationEvaluator.Evaluate(Default, Response(204, 12)), Is.Empty);

    [Test]
    public void A_wrong_status_says_what_was_expected_and_what_came() =>
        Assert.That(
            ExpectationEvaluator.Evaluate(Default, Response(500, 12, reason: "Internal Server Error")),
            Is.EqualTo(new[] { "expected status 2xx, got 500 Internal Server Error" })
        );

    [Test]
    public void A_slow_answer_breaks_the_budget() =>
        Assert.That(
            ExpectationEvaluator.Evaluate(Default, Response(200, 5600)),
            Is.EqualTo(new[] { "expected a response within 5s, took 5600 ms" })
        );

    [Test]
    public void No_response_names_the_failure() =>
        Assert.That(
            ExpectationEvaluator.Evaluate(
                Default,
                new Observation
                {
                    SentAt = DateTimeOffset.UnixEpoch,
                    LatencyMs = 3,
                    Failure = new ObservedFailure(FailureKind.ConnectionRefused, "connection refused: nothing listens at the target"),
                }
            ),
            Is.EqualTo(
                new[] { "expected status 2xx within 5s, got no response: connection refused: nothing listens at the target (after 3 ms)" }
            )
        );

    [TestCase("2xx", 299, true)]
    [TestCase("2xx", 300, false)]
    [TestCase("4xx", 401, true)]
    [TestCase("204", 200, false)]
    [TestCase("204", 204, true)]
    public void Status_terms_accept_classes_and_exact_codes(string term, int status, bool accepted) =>
        Assert.That(StatusExpectation.Of([term]).Accepts(status), Is.EqualTo(accepted));

    [Test]
    public void Several_terms_accept_any_of_them()
    {
        var status = StatusExpectation.Of(["401", "403"]);
        Assert.That(status.Accepts(403) && status.Accepts(401) && !status.Accepts(200), Is.True);
        Assert.That(status.ToString(), Is.EqualTo("401 or 403"));
    }

    [Test]
    public void Body_checks_quote_what_came()
    {
        var spec = Default with { BodyContains = "accepted", BodyMatches = "^\\{\"ok\":true" };
        Assert.That(
            ExpectationEvaluator.Evaluate(spec, Response(200, 1, body: "{\"ok\":false}")),
            Is.EqualTo(
                new[]
                {
                    "expected the body to contain \"accepted\", got \"{\"ok\":false}\"",
                    "expected the body to match /^\\{\"ok\":true/, got \"{\"ok\":false}\"",
                }
            )
        );
    }

    [Test]
    public void Unset_parts_are_inherited_from_the_fallback()
    {
        var step = new ExpectationSpec { Status = StatusExpectation.Of(["401"]) };
        var merged = step.Over(new ExpectationSpec { Within = TimeSpan.FromSeconds(1) }).Over(Default);
        Assert.That(ExpectationEvaluator.Describe(merged), Is.EqualTo("status 401 within 1s"));
    }

    private static Observation Response(int status, double latency, string reason = "", string body = "") =>
        new()
        {
            SentAt = DateTimeOffset.UnixEpoch,
            LatencyMs = latency,
            Response = new ObservedResponse(status, reason, [], body, body.Length, false, latency / 2),
        };
}
