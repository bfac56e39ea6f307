using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Secrets;

namespace CallHooks.Conformance.Tests.Secrets;

/// <summary>What a listener sent after the budget is its text too: a late status line or ending never carries a secret out.</summary>
public sealed class LateAnswerRedactionTests
{
    [Test]
    public void A_secret_in_a_late_status_line_or_ending_is_masked()
    {
        var observation = new Observation
        {
            SentAt = DateTimeOffset.UnixEpoch,
            StartTimestamp = 0,
            LatencyMs = 3000,
            Failure = new ObservedFailure(FailureKind.Timeout, "no complete response within 3s"),
            Late = new LateAnswer(
                "401 bad token s3cretT0ken",
                4200,
                Complete: false,
                "the response is not valid HTTP: the header line 'X-Echo s3cretT0ken' has no colon"
            ),
        };

        var masked = ObservationRedaction.Apply(observation, ["s3cretT0ken"]);

        Assert.That(masked.Late!.StatusLine, Is.EqualTo("401 bad token [redacted]"));
        Assert.That(masked.Late.Ending, Is.EqualTo("the response is not valid HTTP: the header line 'X-Echo [redacted]' has no colon"));
    }
}
