namespace CallHooks.Conformance.Delivery;

/// <summary>A complete HTTP response.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase, as sent.</param>
/// <param name="Headers">Response and content headers in received order.</param>
/// <param name="Body">The body decoded as UTF-8, cut at the dispatcher's limit.</param>
/// <param name="BodyBytes">Bytes of body read (at most the limit plus one).</param>
/// <param name="BodyTruncated">True when the body was longer than the limit.</param>
/// <param name="HeadersMs">Milliseconds until the status line and headers had arrived.</param>
internal sealed record ObservedResponse(
    int Status,
    string Reason,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    long BodyBytes,
    bool BodyTruncated,
    double HeadersMs
);
