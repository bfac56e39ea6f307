namespace CallHooks.Conformance.Results;

/// <summary>A request as recorded in outputs: method, URL and headers with secrets masked, body as text.</summary>
internal sealed record RequestRecord(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType)
{
    // The body as sent and the secrets to mask in it, until someone reads Body. A load run records every delivery
    // but keeps only failing and sampled calls in full, so most bodies are never shown: turning each into a masked
    // string up front cost a kilobyte or more per delivery for nothing.
    private readonly ReadOnlyMemory<byte> utf8Body;
    private readonly IReadOnlyList<string> secrets = [];
    private string? body;

    public RequestRecord(string method, string url, IReadOnlyList<KeyValuePair<string, string>> headers, string? contentType, string body)
        : this(method, url, headers, contentType) => this.body = body;

    /// <summary>
    /// A record whose body text is decoded from <paramref name="utf8Body"/> and masked when first read. The record
    /// takes the memory over: it must be the request's own bytes, never changed afterwards (not a pooled or scratch
    /// buffer), or the body shown later would be another request's.
    /// </summary>
    internal RequestRecord(
        string method,
        string url,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string? contentType,
        ReadOnlyMemory<byte> utf8Body,
        IReadOnlyList<string> secrets
    )
        : this(method, url, headers, contentType)
    {
        this.utf8Body = utf8Body;
        this.secrets = secrets;
    }

    /// <summary>The body as UTF-8 text, secrets masked.</summary>
    public string Body => body ??= Secrets.Redactor.Text(secrets, System.Text.Encoding.UTF8.GetString(utf8Body.Span));

    public bool Equals(RequestRecord? other) =>
        other is not null
        && Method == other.Method
        && Url == other.Url
        && Headers.SequenceEqual(other.Headers)
        && ContentType == other.ContentType
        && Body == other.Body;

    public override int GetHashCode() => HashCode.Combine(Method, Url, ContentType, Body);
}
