using System.Net;
using System.Net.Sockets;
using CallHooks.Conformance.Cli.Recording;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>
/// Bad input to record, import, replay and fidelity: a clear error with file and position, exit 2, nothing written or
/// sent; a listener that refuses gets the provider a 502, noted in the recording; secrets are masked unless kept.
/// </summary>
public sealed class RecordingCommandInputTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("callhooks-recording-input-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Record_on_a_port_in_use_exits_2_naming_the_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = await CliRun.InvokeAsync(
            "record",
            "--port",
            port,
            "--forward-to",
            "http://127.0.0.1:9/",
            "--out",
            folder,
            "--count",
            "1"
        );
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain($"callhooks: --port {port}: cannot listen on 127.0.0.1:{port}: ").And.Contain("address already in use")
        );
        Assert.That(Directory.GetFiles(folder), Is.Empty, "no recording started");
    }

    [Test]
    public async Task Record_without_a_forward_target_exits_2()
    {
        var run = await CliRun.InvokeAsync("record", "--out", folder, "--count", "x");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain("--forward-to URL is required: your listener's base URL, where each request is forwarded"));
        Assert.That(run.Error, Does.Contain("--count 'x': must be a whole number above 0"));
    }

    [Test]
    public async Task A_listener_that_refuses_gets_the_provider_a_502_and_the_recording_says_so()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var recorder = Recorder.Start(
            0,
            new Uri($"http://127.0.0.1:{closedPort}/"),
            new RecordingMask([], [], keep: false),
            folder,
            TimeProvider.System,
            stopAfter: null
        );
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(recorder.Url, "hook"), new StringContent("myoperator=%7B%7D"));
        Assert.That((int)response.StatusCode, Is.EqualTo(502));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Does.StartWith($"callhooks record: the listener at http://127.0.0.1:{closedPort}/ could not be reached: ")
        );
        var recording = File.ReadAllText(recorder.File);
        Assert.That(recording, Does.Contain($"\"error\": \"the listener at http://127.0.0.1:{closedPort}/ could not be reached: "));
        Assert.That(recording, Does.Not.Contain("\"response\""), "no answer came from the listener, and none is recorded");
    }

    [Test]
    public async Task Authorization_secret_headers_and_secrets_are_masked_and_the_recording_says_what()
    {
        using var upstream = new RawCapture();
        using var stop = new CancellationTokenSource();
        var capture = upstream.CaptureAllAsync(stop.Token);
        var mask = new RecordingMask(["X-Webhook-Token"], ["s3cr3t-signing-key"], keep: false);
        using (var recorder = Recorder.Start(0, upstream.BaseUrl, mask, folder, TimeProvider.System, stopAfter: null))
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(recorder.Url, "hook?key=s3cr3t-signing-key"))
            {
                Content = new StringContent("token=s3cr3t-signing-key"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46czNjcmV0");
            request.Headers.TryAddWithoutValidation("X-Webhook-Token", "t0ken-value");
            using var response = await client.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await stop.CancelAsync();
        var forwarded = System.Text.Encoding.Latin1.GetString((await capture).Single());
        Assert.That(
            forwarded,
            Does.Contain("Authorization: Basic YWRtaW46czNjcmV0").And.Contain("t0ken-value").And.EndWith("token=s3cr3t-signing-key"),
            "forwarded unchanged"
        );
        var recording = File.ReadAllText(Path.Combine(folder, "recording.json"));
        Assert.That(recording, Does.Not.Contain("YWRtaW46czNjcmV0").And.Not.Contain("t0ken-value").And.Not.Contain("s3cr3t-signing-key"));
        Assert.That(recording, Does.Contain("\"value\": \"Basic [redacted]\"").And.Contain("\"target\": \"/hook?key=[redacted]\""));
        Assert.That(recording, Does.Contain("\"the value of header X-Webhook-Token (as [redacted])\""));
        Assert.That(recording, Does.Contain("\"1 value(s) given with --secret, wherever they appeared (as [redacted])\""));
    }

    [Test]
    public async Task The_request_target_reaches_the_listener_as_sent_under_the_forward_base_path()
    {
        using var upstream = new RawCapture();
        using var stop = new CancellationTokenSource();
        var capture = upstream.CaptureAllAsync(stop.Token);
        const string Target = "/hook/a%2Fb?sig=a%2Bb%3D%3D&x=%26&name=J%C3%BCrgen";
        using (
            var recorder = Recorder.Start(
                0,
                new Uri(upstream.BaseUrl, "api/"),
                new RecordingMask([], [], keep: false),
                folder,
                TimeProvider.System,
                stopAfter: null
            )
        )
        {
            // Raw bytes on the socket: no client library gets to normalize the target first.
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, recorder.Url.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(
                System.Text.Encoding.ASCII.GetBytes(
                    $"POST {Target} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi"
                )
            );
            using var reader = new StreamReader(stream);
            Assert.That(await reader.ReadLineAsync(), Is.EqualTo("HTTP/1.1 200 OK"));
            await reader.ReadToEndAsync();
        }

        await stop.CancelAsync();
        var forwarded = System.Text.Encoding.Latin1.GetString((await capture).Single());
        Assert.That(forwarded, Does.StartWith($"POST /api{Target} HTTP/1.1\r\n"), "escapes kept, under --forward-to's path");
        using var recording = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recording.json")));
        Assert.That(
            recording.RootElement.GetProperty("exchanges")[0].GetProperty("request").GetProperty("target").GetString(),
            Is.EqualTo(Target)
        );
    }

    [Test]
    public async Task A_secret_header_is_masked_whole_and_an_echoed_credential_is_masked_in_the_answer()
    {
        using var upstream = new RawCapture();
        using var stop = new CancellationTokenSource();
        var echo = upstream.CaptureAllAsync(stop.Token, "you are admin:s3cret; your cookie: session=abc123def; theme=dark");
        var mask = new RecordingMask(["Cookie"], [], keep: false);
        using (var recorder = Recorder.Start(0, upstream.BaseUrl, mask, folder, TimeProvider.System, stopAfter: null))
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(recorder.Url, "hook"))
            {
                Content = new StringContent("x=1"),
            };
            request.Headers.TryAddWithoutValidation("Cookie", "session=abc123def; theme=dark");
            request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46czNjcmV0");
            using var response = await client.SendAsync(request);
            Assert.That(
                await response.Content.ReadAsStringAsync(),
                Is.EqualTo("you are admin:s3cret; your cookie: session=abc123def; theme=dark"),
                "the answer goes back unchanged"
            );
        }

        await stop.CancelAsync();
        await echo;
        var recording = File.ReadAllText(Path.Combine(folder, "recording.json"));
        Assert.That(recording, Does.Not.Contain("abc123def").And.Not.Contain("s3cret").And.Not.Contain("YWRtaW46czNjcmV0"));
        using var document = System.Text.Json.JsonDocument.Parse(recording);
        var exchange = document.RootElement.GetProperty("exchanges")[0];
        var headers = exchange
            .GetProperty("request")
            .GetProperty("headers")
            .EnumerateArray()
            .ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString());
        Assert.That(headers["Cookie"], Is.EqualTo("[redacted]"), "a secret header is masked whole, not after its first word");
        Assert.That(headers["Authorization"], Is.EqualTo("Basic [redacted]"));
        Assert.That(
            exchange.GetProperty("response").GetProperty("body").GetString(),
            Is.EqualTo("you are [redacted]; your cookie: [redacted]")
        );
    }

    [Test]
    public async Task A_truncated_recording_stops_import_with_its_position_and_nothing_is_written()
    {
        var file = Path.Combine(folder, "recording.json");
        File.WriteAllText(
            file,
            "{\"format\": \"callhooks-recording\", \"version\": 1,\n \"exchanges\": [{\"at\": \"2026-01-15T09:30:00Z\", \"request\": {"
        );
        var output = Path.Combine(folder, "scenarios");
        var run = await CliRun.InvokeAsync("import", file, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith($"callhooks: {file}:2:").And.Contain(": invalid JSON"));
        Assert.That(Directory.Exists(output), Is.False, "nothing written");
    }

    [Test]
    public async Task A_recording_missing_a_field_names_its_place()
    {
        var file = Path.Combine(folder, "recording.json");
        File.WriteAllText(
            file,
            "{\"format\": \"callhooks-recording\", \"version\": 1,\n \"exchanges\": [{\"at\": \"2026-01-15T09:30:00Z\",\n  \"request\": {\"target\": \"/hook\"}}]}"
        );
        var run = await CliRun.InvokeAsync("replay", file, "--target", "http://127.0.0.1:9/", "--out", Path.Combine(folder, "out"));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain($"{file}:3:14: \"method\" must be a string (at /exchanges/0/request)"));
    }

    [Test]
    public async Task A_request_that_no_provider_sends_is_listed_with_why()
    {
        var file = Path.Combine(folder, "recording.json");
        File.WriteAllText(
            file,
            """
            {"format": "callhooks-recording", "version": 1, "exchanges": [
              {"at": "2026-01-15T09:30:00Z", "request": {"method": "POST", "target": "/hook",
               "headers": [{"name": "Content-Type", "value": "application/json"}], "body": "{\"hello\": \"world\"}"}}]}
            """
        );
        var run = await CliRun.InvokeAsync("import", file, "--out", Path.Combine(folder, "scenarios"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain($"callhooks import: {file} exchange 1 not placed: no provider's payload looks like it: the nearest, ")
        );
        Assert.That(run.Error, Does.Contain("nothing written"));
    }

    [Test]
    public async Task A_recorded_target_that_names_another_host_is_refused_before_anything_is_sent()
    {
        var file = Path.Combine(folder, "recording.json");
        File.WriteAllText(
            file,
            """
            {"format": "callhooks-recording", "version": 1, "exchanges": [
              {"at": "2026-01-15T09:30:00Z", "request": {"method": "POST", "target": "//elsewhere.example/steal"}}]}
            """
        );
        var run = await CliRun.InvokeAsync("replay", file, "--target", "http://127.0.0.1:9/", "--out", Path.Combine(folder, "out"));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain(
                $"{file} exchange 1: its target \"//elsewhere.example/steal\" is not a path (it must start with one /), so it would not go to --target"
            )
        );
        Assert.That(Directory.Exists(Path.Combine(folder, "out")), Is.False, "nothing sent, no report");
    }

    [Test]
    public async Task Replaying_a_recording_without_requests_fails_instead_of_passing()
    {
        var file = Path.Combine(folder, "recording.json");
        File.WriteAllText(file, """{"format": "callhooks-recording", "version": 1, "exchanges": []}""");
        var run = await CliRun.InvokeAsync("replay", file, "--target", "http://127.0.0.1:9/", "--out", Path.Combine(folder, "out"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Error, Does.Contain("callhooks replay: nothing to replay: the recordings hold no request that can be sent"));
        var fidelity = await CliRun.InvokeAsync("fidelity", file);
        Assert.That(fidelity.ExitCode, Is.EqualTo(1), fidelity.ToString);
        Assert.That(
            fidelity.Out.TrimEnd(),
            Is.EqualTo(
                "callhooks fidelity: 0 of 0 request(s) compared, 0 difference(s): nothing compared, no request was recognized as a provider's webhook"
            )
        );
    }

    [Test]
    public void Calls_whose_ids_read_alike_get_distinct_scenario_names()
    {
        var calls = new[] { "N2.1596270949", "n2-1596270949", "n2.1596270949" }
            .Select(id => new CallHooks.Conformance.Recordings.ImportedCall("myoperator-incall", id, []))
            .ToList();
        Assert.That(
            CallHooks.Conformance.Recordings.ImportedCall.Names(calls),
            Is.EqualTo(
                new[] { "myoperator-incall-n2-1596270949", "myoperator-incall-n2-1596270949-2", "myoperator-incall-n2-1596270949-3" }
            )
        );
    }

    [Test]
    public async Task Replay_without_a_target_exits_2_before_reading_anything()
    {
        var run = await CliRun.InvokeAsync("replay", Path.Combine(folder, "missing.json"), "--pace", "-1");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain("--target URL is required: your listener's base URL"));
        Assert.That(run.Error, Does.Contain("--pace '-1': must be a number from 0 to 100 (1 = the recorded pauses)"));
    }
}
