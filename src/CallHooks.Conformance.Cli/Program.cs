using CallHooks.Conformance.Cli;
using CallHooks.Conformance.Cli.Commands;

// The composition root: the only place that touches the real console, process signals and runtime settings.
InlineSocketCompletions.EnableForLoadRun(args);
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops sending and lets the run write its reports; a second one kills the process.
    if (interrupt.IsCancellationRequested)
        return;
    e.Cancel = true;
    interrupt.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        interrupt.Cancel();
    }
);
return await CallhooksApp.RunAsync(args, Console.Out, Console.Error, interrupt.Token, interactive: !Console.IsErrorRedirected);
