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

    public ListenerMode Mode => mode;

    /// <summary>A request that carries no credential skips that check (a wrong credential is still refused).</summary>
    public bool ForgivesMissingCredentials => mode == ListenerMode.AcceptsMissingAuth;

    /// <summary>False in <see cref="ListenerMode.KeepsNoRecord"/>: accepted deliveries are neither stored nor pushed downstream.</summary>
    public bool KeepsRecords => mode != ListenerMode.KeepsNoRecord;

    /// <summary>True in the lenient modes that answer 200 to a body they cannot read instead of a 4xx.</summary>
    public bool AcceptsUnreadable => mode is ListenerMode.StoresMalformed or ListenerMode.PassesMalformed;

    /// <summary>Null when an exact re-delivery is accepted, as it must be; a 500 in <see cref="ListenerMode.FailsDuplicates"/>.</summary>
    public Rejection? OnDuplicate(string key) => mode == ListenerMode.FailsDuplicates
        ? new Rejection(500, $"internal listener error: duplicate key {key}")
        : null;

    /// <summary>The usual 4xx for a body that cannot be read, or a 500 in <see cref="ListenerMode.ServerErrorOnMalformed"/>.</summary>
    public Rejection Unreadable(Rejection usual) => mode == ListenerMode.ServerErrorOnMalformed
        ? usual with { StatusCode = 500, Errors = ["internal listener error: " + usual.Error] }
        : usual;

    /// <summary>Waits <see cref="ListenerOptions.SlowDelay"/> on the listener's clock in <see cref="ListenerMode.Slow"/>; otherwise returns at once.</summary>
    public Task BeforeAnswerAsync(CancellationToken cancellationToken) => mode == ListenerMode.Slow && slowDelay > TimeSpan.Zero
        ? Task.Delay(slowDelay, clock, cancellationToken)
        : Task.CompletedTask;
}
