namespace CallHooks.Conformance.Rules;

/// <summary>
/// One request the listener sent to the mock CRM, kept from the moment it arrived, and the CRM's answer once it was
/// given: a mapping's delay makes a request wait for its answer, never for its arrival, so a slow CRM is never taken
/// for a listener that did not push.
/// </summary>
internal sealed class DownstreamRequest(DateTimeOffset receivedAt, string method, string path, string body)
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (int Status, TimeSpan AnsweredIn)? answer;

    /// <summary>Completes once the CRM has answered.</summary>
    public Task WhenAnswered => answered.Task;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public string Body { get; } = body;

    /// <summary>The status the CRM answered (what went on the wire), or null while it has not answered.</summary>
    public int? Status
    {
        get
        {
            lock (gate)
                return answer?.Status;
        }
    }

    /// <summary>Sets the CRM's answer; the first one counts.</summary>
    public void Answered(int status, TimeSpan answeredIn)
    {
        lock (gate)
            answer ??= (status, answeredIn < TimeSpan.Zero ? TimeSpan.Zero : answeredIn);
        answered.TrySetResult();
    }

    /// <summary>
    /// A CRM answer a listener has to survive: a 5xx, or one slower than <paramref name="slow"/> (an answer still
    /// missing after that long counts as slow, judged at <paramref name="now"/>).
    /// </summary>
    public bool Troubled(TimeSpan slow, DateTimeOffset now)
    {
        lock (gate)
            return answer is { } given ? given.Status >= 500 || given.AnsweredIn >= slow : now - ReceivedAt >= slow;
    }

    /// <summary>The CRM's answer in words: <c>answered 503 in 2 ms</c>, or <c>had not answered yet</c>.</summary>
    public string Answer
    {
        get
        {
            lock (gate)
                return answer is { } given
                    ? $"answered {given.Status} in {given.AnsweredIn.TotalMilliseconds:0} ms"
                    : "had not answered yet";
        }
    }

    /// <summary>The request as evidence: method, path, arrival, body, and the CRM's answer.</summary>
    public override string ToString() => $"{Method} {Path} at {ReceivedAt:O}: {Body} (the CRM {Answer})";
}
