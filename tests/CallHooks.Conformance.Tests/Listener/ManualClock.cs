namespace CallHooks.Conformance.Tests.Listener;

/// <summary>A clock the test moves by hand, so received-at stamps are exact.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
