using CallHooks.Conformance.Cli.Commands;

namespace CallHooks.Conformance.Cli;

/// <summary>
/// The composition root: the only place that touches the real console, process signals and runtime settings. A named
/// class in this namespace rather than top-level statements: those make a global <c>Program</c>, which ASP.NET Core's
/// generator turns public, and a test project using the NUnit package (which carries this assembly) has its own.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        InlineSocketCompletions.EnableForLoadRun(args);
        using var interrupt = new CancellationTokenSource();
        using var abortNow = new CancellationTokenSource();

        // Ctrl-C and SIGTERM mean the same. The first stops sending and lets deliveries in flight finish within the grace; the
        // second cuts them off at once; either way the reports are written. Only a third ends the process on the spot.
        bool Interrupt()
        {
            if (!interrupt.IsCancellationRequested)
            {
                interrupt.Cancel();
                return true;
            }

            if (!abortNow.IsCancellationRequested)
            {
                abortNow.Cancel();
                return true;
            }

            return false;
        }

        Console.CancelKeyPress += (_, e) => e.Cancel = Interrupt();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context => context.Cancel = Interrupt()
        );
        return await CallhooksApp.RunAsync(args, Console.Out, Console.Error, !Console.IsErrorRedirected, interrupt.Token, abortNow.Token);
    }
}
