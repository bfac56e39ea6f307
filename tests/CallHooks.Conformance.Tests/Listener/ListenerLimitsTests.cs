using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The reference listener as a server left running: a request Kestrel itself refuses is the client's fault (413, 400),
/// never a 500 asking for a retry; and it keeps a bounded number of calls, refusing new ones with 503 once full.
/// </summary>
public sealed class ListenerLimitsTests
{
    [Test]
    public async Task A_body_over_the_server_s_limit_gets_413_not_500()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        var answer = await RawExchangeAsync(
            listener,
            "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 30000001\r\n\r\n{"
        );
        Assert.That(answer, Does.StartWith("HTTP/1.1 413 "), answer);
    }

    [Test]
    public async Task A_malformed_chunk_size_gets_400_not_500()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        var answer = await RawExchangeAsync(
            listener,
            "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
        );
        Assert.That(answer, Does.StartWith("HTTP/1.1 400 "), answer);
    }

    [Test]
    public async Task Once_it_holds_its_limit_of_calls_a_new_call_gets_503_and_a_known_one_is_still_read()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions { MaxCalls = 2 });
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "incoming-missed",
            "--scenario",
            "incoming-answered",
            "--scenario",
            "obd-no-answer",
            "--parallel",
            "1",
            "--seed",
            "7"
        );

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var scenarios = results.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.That(
            scenarios.Select(scenario => scenario.GetProperty("passed").GetBoolean()),
            Is.EqualTo(new[] { true, true, false }),
            "every event of the first two calls was read"
        );
        var refused = scenarios[2].GetProperty("deliveries")[0].GetProperty("response");
        Assert.That(refused.GetProperty("status").GetInt32(), Is.EqualTo(503));
        Assert.That(
            refused.GetProperty("body").GetString(),
            Does.Contain("the listener keeps at most 2 calls and is full; restart it, or start it with a larger --max-calls")
        );
    }

    [Test]
    public async Task Serve_takes_its_limit_from_max_calls_and_refuses_a_bad_one()
    {
        Assert.That(
            CallHooks.Conformance.Cli.Commands.ServeCommand.Options("0", null, null, null, null, null, null, [], "500").MaxCalls,
            Is.EqualTo(500)
        );
        var run = await CliRun.InvokeAsync("serve", "--max-calls", "0");
        Assert.That((run.ExitCode, run.Error), Is.EqualTo((2, "callhooks: --max-calls '0': must be a whole number from 1 to 10000000\n")));
    }

    private static async Task<string> RawExchangeAsync(ReferenceListener listener, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, listener.BaseUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, limit.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
