using System.Globalization;
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
        await TrivialListener.RunAsync(options.Int("port", 0), TimeSpan.FromMilliseconds(options.Int("delay-ms", 0)), interrupt.Token);
        return 0;
    case "bare":
        var result = await BareLoop.RunAsync(
            new Uri(options.Text("url")),
            await File.ReadAllBytesAsync(options.Text("body-file")),
            options.Text("content-type"),
            options.Int("concurrency", 50),
            options.Int("count", 100_000),
            interrupt.Token);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare: {result.Requests} requests, {result.Failed} failed, {result.Seconds:0.000} s, {result.Requests / result.Seconds:0.0} requests/s"));
        return result.Failed == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: LoadBench listen [--port N] [--delay-ms N] | bare --url U --body-file F --content-type T [--concurrency C] [--count N]");
        return 2;
}
