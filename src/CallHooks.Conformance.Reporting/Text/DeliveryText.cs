using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Text;

/// <summary>One delivery in words, shared by the console summary and junit.xml so both tell the same story.</summary>
internal static class DeliveryText
{
    /// <summary>What came back, e.g. <c>500 Internal Server Error after 12 ms</c> or <c>timeout after 5000 ms (...)</c>.</summary>
    public static string Outcome(Observation observation)
    {
        var after = " after " + ReportFormat.HumanMilliseconds(observation.LatencyMs);
        if (observation.Response is { } response)
            return response.Reason.Length == 0 ? $"{response.Status}{after}" : $"{response.Status} {response.Reason}{after}";
        if (observation.Failure is { } failure)
            return failure.Message.Length == 0
                ? $"{KindWords(failure.Kind)}{after}"
                : $"{KindWords(failure.Kind)}{after} ({failure.Message})";
        return "nothing" + after;
    }

    /// <summary>The verdict line for a delivery: <c>event 6: expected status 2xx within 5s, got 500 ... after 12 ms</c>.</summary>
    public static string Verdict(DeliveryResult delivery) =>
        $"event {delivery.Event}: expected {delivery.Expected}, got {Outcome(delivery.Observation)}";

    /// <summary>A one-line log entry for a delivery, passed or not.</summary>
    public static string LogLine(DeliveryResult delivery) =>
        $"[{delivery.Index}] {(delivery.Passed ? "PASS" : "FAIL")} {ReportFormat.Timestamp(delivery.Observation.SentAt)} "
        + $"{delivery.Request.Method} event {delivery.Event}, got {Outcome(delivery.Observation)}";

    public static string KindWords(FailureKind kind) =>
        kind switch
        {
            FailureKind.ConnectionRefused => "connection refused",
            FailureKind.NameResolution => "host name not resolved",
            FailureKind.Timeout => "timeout",
            FailureKind.ConnectionReset => "connection reset",
            FailureKind.EmptyReply => "empty reply",
            FailureKind.MalformedResponse => "malformed response",
            FailureKind.Tls => "TLS failure",
            FailureKind.Cancelled => "cancelled",
            _ => "transport error",
        };
}
