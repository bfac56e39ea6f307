using System.Globalization;
using System.Runtime.InteropServices;
using LoadBench;

// The composition root of the benchmark helper: the only place that reads arguments and the console.
var options = BenchArgs.Parse(args.Skip(1).ToArray());
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

switch (args.FirstOrDefault())
{
    case "listen":
        // bench/run.sh stops its listener with SIGTERM when it exits. Kestrel's host takes that signal for itself (it
        // would stop the app and leave this process waiting on the interrupt for ever), so it is routed to the interrupt.
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                interrupt.Cancel();
            }))
        {
            await TrivialListener.RunAsync(options.Int("port", 0), TimeSpan.FromMilliseconds(options.Int("delay-ms", 0)), interrupt.Token);
        }

        return 0;
    case "bare":
        var result = await BareLoop.RunAsync(
            new Uri(options.Text("url")),
            await File.ReadAllBytesAsync(options.Text("body-file")),
            options.Text("content-type"),
            options.Int("concurrency", 50),
            options.Int("count", 100_000),
            options.Text("via", "httpclient") == "transport",
            interrupt.Token
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"bare ({options.Text("via", "httpclient")}): {result.Requests} requests, {result.Failed} failed, {result.Seconds:0.000} s, {result.Requests / result.Seconds:0.0} requests/s"
            )
        );
        return result.Failed == 0 ? 0 : 1;
    case "pipeline":
        var rounds = await Pipeline.RunAsync(
            options.Text("scenarios"),
            options.Int("calls", 100_000),
            options.Int("rounds", 5),
            options.Text("log")
        );
        foreach (var (round, index) in rounds.Select((round, index) => (round, index)))
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"pipeline round {index + 1}: {round.Deliveries} deliveries, {round.CpuMicroseconds:0.0} us CPU and {round.AllocatedBytes:0} bytes allocated per delivery, {round.Gen0Collections} gen0 GCs, {round.PerSecond:0} deliveries/s"
                )
            );
        return 0;
    default:
        Console.Error.WriteLine(
            "usage: LoadBench listen [--port N] [--delay-ms N] | bare --url U --body-file F --content-type T [--concurrency C] [--count N] [--via httpclient|transport] | pipeline --scenarios DIR --log FILE [--calls N] [--rounds N]"
        );
        return 2;
}
