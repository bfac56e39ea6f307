namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// Load runs have socket completions run on the thread that polls the sockets instead of being handed to the thread
/// pool. The hand-off (a queued work item and usually a thread woken for it) came once per delivery; without it a
/// load run did about a fifth more deliveries on the same CPU (bench/README.md). Continuations here never block:
/// parsing an answer, recording it and sending the next webhook, with the delivery log written in large batches.
/// </summary>
/// <remarks>
/// The runtime reads this setting once, when the first socket is made, and offers no other way to set it; the
/// command line creates no socket before a load run starts, so setting it at that moment applies to the whole run.
/// Conformance runs keep the default.
/// </remarks>
internal static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
            Environment.SetEnvironmentVariable(Variable, "1");
    }
}
