namespace CallHooks.Conformance.Delivery;

/// <summary>
/// What happened to one request: a response or a failure, never an exception. Times are measured with a
/// monotonic clock from the moment the request was handed to the transport.
/// </summary>
public sealed record Observation
{
    /// <summary>Wall-clock time the request was sent (from the run's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset SentAt { get; init; }

    public ObservedResponse? Response { get; init; }

    public ObservedFailure? Failure { get; init; }

    /// <summary>Milliseconds from send to the end of the response body, or to the failure.</summary>
    public required double LatencyMs { get; init; }
}

/// <summary>A complete HTTP response.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase, as sent.</param>
/// <param name="Headers">Response and content headers in received order.</param>
/// <param name="Body">The body decoded as UTF-8, cut at the dispatcher's limit.</param>
/// <param name="BodyBytes">Bytes of body read (at most the limit plus one).</param>
/// <param name="BodyTruncated">True when the body was longer than the limit.</param>
/// <param name="HeadersMs">Milliseconds until the status line and headers had arrived.</param>
public sealed record ObservedResponse(
    int Status,
    string Reason,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    long BodyBytes,
    bool BodyTruncated,
    double HeadersMs);

/// <summary>Why there is no response.</summary>
public sealed record ObservedFailure(FailureKind Kind, string Message);
