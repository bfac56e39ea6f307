namespace CallHooks.Conformance.Listener;

/// <summary>Why a request was refused: the HTTP status and every problem found, each naming what was wrong.</summary>
internal sealed record Rejection(int StatusCode, IReadOnlyList<string> Errors)
{
    public Rejection(int statusCode, string error)
        : this(statusCode, [error]) { }

    /// <summary>All problems on one line: the body's <c>error</c> and the log line both use it.</summary>
    public string Error => string.Join("; ", Errors);
}
