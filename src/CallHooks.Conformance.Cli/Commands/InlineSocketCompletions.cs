namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// A load run has socket completions run on the thread that polls the sockets instead of being handed to the thread
/// pool. The hand-off (a queued work item and usually a thread woken for it) came once per delivery; without it a load
/// run used about 8% less CPU for the same deliveries (bench/README.md). Continuations here never block: parsing an
/// answer, recording it and sending the next webhook, with the delivery log written in large batches. The embedded
/// reference listener of a load run without <c>--target</c> shares the setting. It has effect on Linux and macOS only.
/// </summary>
/// <remarks>
/// The runtime reads this setting from the environment once, when sockets are first used, and offers no other way to
/// set it; so the process entry point sets it before anything else, and only for a load run (<c>run</c> with
/// <c>--calls</c> or <c>--duration</c>). Conformance runs, <c>serve</c> and in-process tests keep the default.
/// </remarks>
internal static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void EnableForLoadRun(IReadOnlyList<string> args)
    {
        if (IsLoadRun(args) && Environment.GetEnvironmentVariable(Variable) is null)
            Environment.SetEnvironmentVariable(Variable, "1");
    }

    internal static bool IsLoadRun(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] == "run" && args.Skip(1).Any(arg => IsOption(arg, "--calls") || IsOption(arg, "--duration"));

    private static bool IsOption(string arg, string name) =>
        arg == name || arg.StartsWith(name + "=", StringComparison.Ordinal) || arg.StartsWith(name + ":", StringComparison.Ordinal);
}
