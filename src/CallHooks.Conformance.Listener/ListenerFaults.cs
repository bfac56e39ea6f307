using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// What <see cref="ListenerOptions.Mode"/> changes, in one place, so every endpoint (providers' too) breaks the
/// same way. In <see cref="ListenerMode.Strict"/> every member is the identity: the listener behaves correctly.
/// </summary>
internal sealed class ListenerFaults(ListenerOptions options)
{
    private readonly ListenerMode mode = options.Mode;
    private readonly TimeSpan slowDelay = options.SlowDelay;
    private readonly TimeProvider clock = options.Clock;
    private readonly TimeSpan blockDelay = options.BlockDelay;
    private readonly Lock queue = new();
    private Task lastInLine = Task.CompletedTask;
    private int blocks = 1;

    public ListenerMode Mode => mode;

    /// <summary>A request that carries no credential skips that check (a wrong credential is still refused).</summary>
    public bool ForgivesMissingCredentials => mode == ListenerMode.AcceptsMissingAuth;

    /// <summary>False in <see cref="ListenerMode.KeepsNoRecord"/>: accepted deliveries are neither stored nor pushed downstream.</summary>
    public bool KeepsRecords => mode != ListenerMode.KeepsNoRecord;

    /// <summary>True when every new event of a call is pushed to the CRM as a new record, not only its finish.</summary>
    public bool PushesEveryEvent => mode == ListenerMode.CreatesCrmRecordPerEvent;

    /// <summary>True when the webhook's answer waits for the CRM push and carries its failure (<see cref="ListenerMode.WaitsForCrm"/>).</summary>
    public bool WaitsForCrm => mode == ListenerMode.WaitsForCrm;

    /// <summary>True in the lenient modes that answer 200 to a body they cannot read instead of a 4xx.</summary>
    public bool AcceptsUnreadable => mode is ListenerMode.StoresMalformed or ListenerMode.PassesMalformed;

    /// <summary>Null when an exact re-delivery is accepted, as it must be; a 500 in <see cref="ListenerMode.FailsDuplicates"/>.</summary>
    public Rejection? OnDuplicate(string key) =>
        mode == ListenerMode.FailsDuplicates ? new Rejection(500, $"internal listener error: duplicate key {key}") : null;

    /// <summary>The usual 4xx for a body that cannot be read, or a 500 in <see cref="ListenerMode.ServerErrorOnMalformed"/>.</summary>
    public Rejection Unreadable(Rejection usual) =>
        mode == ListenerMode.ServerErrorOnMalformed
            ? usual with
            {
                StatusCode = 500,
                Errors = ["internal listener error: " + usual.Error],
            }
            : usual;

    /// <summary>
    /// Runs a webhook's handling. In <see cref="ListenerMode.BlocksThenFails"/> one at a time, the first of them blocking
    /// for <see cref="ListenerOptions.BlockDelay"/> (deaf to the client giving up, as a blocked loop is) and then failing
    /// with 500; in every other mode the handling runs at once.
    /// </summary>
    public async Task<string> HandleWebhookAsync(Func<Task<string>> handle, Func<Rejection, Task<string>> reject, string method = "POST")
    {
        if (mode == ListenerMode.FailsGet && HttpMethods.IsGet(method))
            return await reject(new Rejection(500, "internal listener error: NullReferenceException (the handler reads a POST body)"))
                .ConfigureAwait(false);
        if (mode != ListenerMode.BlocksThenFails)
            return await handle().ConfigureAwait(false);
        // One at a time, in arrival order: each webhook waits for the one before it to finish.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task before;
        lock (queue)
        {
            before = lastInLine;
            lastInLine = done.Task;
        }

        await before.ConfigureAwait(false);
        try
        {
            if (Interlocked.Exchange(ref blocks, 0) == 0)
                return await handle().ConfigureAwait(false);
            await Task.Delay(blockDelay, clock, CancellationToken.None).ConfigureAwait(false);
            return await reject(
                    new Rejection(
                        500,
                        string.Create(
                            System.Globalization.CultureInfo.InvariantCulture,
                            $"internal listener error: blocked for {blockDelay.TotalSeconds:0.#} s"
                        )
                    )
                )
                .ConfigureAwait(false);
        }
        finally
        {
            done.SetResult();
        }
    }

    /// <summary>Waits <see cref="ListenerOptions.SlowDelay"/> on the listener's clock in <see cref="ListenerMode.Slow"/>; otherwise returns at once.</summary>
    public Task BeforeAnswerAsync(CancellationToken cancellationToken) =>
        mode == ListenerMode.Slow && slowDelay > TimeSpan.Zero ? Task.Delay(slowDelay, clock, cancellationToken) : Task.CompletedTask;
}
