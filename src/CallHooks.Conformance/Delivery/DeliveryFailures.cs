using System.Globalization;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// The observations <see cref="WebhookDispatcher"/> makes when no complete response came, in one wording for
/// conformance and load runs.
/// </summary>
internal static class DeliveryFailures
{
    public static readonly ObservedFailure Interrupted = new(
        FailureKind.Cancelled,
        "the run was interrupted before the response was complete"
    );

    /// <summary>A failed delivery that was sent at <paramref name="started"/> (a timestamp of <paramref name="time"/>), timed to now.</summary>
    public static Observation Observe(DateTimeOffset sentAt, TimeProvider time, long started, ObservedFailure failure) =>
        new()
        {
            SentAt = sentAt,
            StartTimestamp = started,
            LatencyMs = time.GetElapsedTime(started).TotalMilliseconds,
            Failure = failure,
        };

    /// <summary>The request's deadline ran out.</summary>
    /// <param name="timeout">The deadline.</param>
    /// <param name="statusLine">The status and reason that had come (e.g. <c>200 OK</c>), or null while still waiting for the headers.</param>
    /// <param name="headersMs">When the headers came.</param>
    /// <param name="bodyBytes">How much of the body came after them.</param>
    public static ObservedFailure TimedOut(TimeSpan timeout, string? statusLine, double headersMs, long bodyBytes)
    {
        var phase = statusLine is null
            ? "the response headers"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"the response body; {statusLine} came after {headersMs:0} ms, then {bodyBytes} body byte(s)"
            );
        return new ObservedFailure(
            FailureKind.Timeout,
            $"no complete response within {Scenarios.DurationText.Format(timeout)} (waiting for {phase})"
        );
    }

    /// <summary>The TCP (and TLS) handshake outlasted the connect timeout, before the request's own deadline.</summary>
    public static ObservedFailure ConnectTimedOut(TimeSpan elapsed) =>
        new(
            FailureKind.Timeout,
            string.Create(
                CultureInfo.InvariantCulture,
                $"no connection within the connect timeout (gave up after {elapsed.TotalMilliseconds:0} ms)"
            )
        );
}
