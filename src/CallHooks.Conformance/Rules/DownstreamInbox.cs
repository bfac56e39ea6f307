using System.Collections.Concurrent;

namespace CallHooks.Conformance.Rules;

/// <summary>
/// What arrived at the mock CRM the harness hosts: every request, in arrival order, and a way to wait for one
/// that matches. The HTTP endpoint that fills it lives in the CLI (Kestrel); rules only read it.
/// </summary>
internal sealed class DownstreamInbox(TimeProvider time)
{
    /// <summary>The inbox's clock: when a request arrived, in the run's time.</summary>
    public TimeProvider Time => time;

    private readonly ConcurrentQueue<DownstreamRequest> received = new();
    private readonly object gate = new();
    private TaskCompletionSource arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri? Url { get; set; }

    public IReadOnlyCollection<DownstreamRequest> Received => received.ToArray();

    /// <summary>The caller as a CRM request may carry it: E.164, without the plus, or the ten national digits.</summary>
    public static string[] CallerNeedles(string customer) =>
        [customer, customer.TrimStart('+'), customer.Length > 10 ? customer[^10..] : customer];

    /// <summary>Keeps a request as it arrives; the mock CRM sets its answer later (<see cref="DownstreamRequest.Answered"/>).</summary>
    public DownstreamRequest Add(string method, string path, string body)
    {
        var request = new DownstreamRequest(time.GetUtcNow(), method, path, body);
        received.Enqueue(request);
        TaskCompletionSource signalled;
        lock (gate)
        {
            signalled = arrival;
            arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signalled.SetResult();
        return request;
    }

    /// <summary>The first request whose body contains any of <paramref name="needles"/>, waiting up to <paramref name="within"/>.</summary>
    public Task<DownstreamRequest?> WaitForAsync(IReadOnlyList<string> needles, TimeSpan within, CancellationToken cancellationToken) =>
        WaitForAsync(request => needles.Any(needle => request.Body.Contains(needle, StringComparison.Ordinal)), within, cancellationToken);

    /// <summary>The first request <paramref name="matches"/> accepts, waiting up to <paramref name="within"/>.</summary>
    public async Task<DownstreamRequest?> WaitForAsync(
        Func<DownstreamRequest, bool> matches,
        TimeSpan within,
        CancellationToken cancellationToken
    )
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        while (true)
        {
            Task next;
            lock (gate)
                next = arrival.Task;
            if (received.FirstOrDefault(matches) is { } match)
                return match;
            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
