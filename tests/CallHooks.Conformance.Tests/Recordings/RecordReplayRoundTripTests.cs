using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Cli.Recording;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>
/// The README's walk from a recording to a committed scenario and a CI replay, over loopback: a conformance run sent
/// through <c>callhooks record</c>; the recording replayed into a fresh listener arrives as the same requests (the
/// listener-side captures compared); imported, it becomes a scenario that plays green against the reference listener;
/// and <c>fidelity</c> finds no difference between the profile and its own recording.
/// </summary>
public sealed class RecordReplayRoundTripTests
{
    private static readonly string[] Played =
    [
        "--provider",
        "myoperator-incall",
        "--scenario",
        "incoming-answered",
        "--seed",
        "7",
        "--now",
        "2026-01-15T09:30:00Z",
        "--panel",
        "none",
    ];

    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("callhooks-recording-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task A_recorded_run_replays_to_the_same_requests_at_the_listener()
    {
        var original = await RecordRunAsync();
        Assert.That(original, Has.Count.EqualTo(4), "incoming-answered sends four In-Call events");

        using var fresh = new RawCapture();
        using var stop = new CancellationTokenSource();
        var capture = fresh.CaptureAllAsync(stop.Token);
        var replay = await CliRun.InvokeAsync(
            "replay",
            folder,
            "--target",
            fresh.BaseUrl.ToString(),
            "--pace",
            "0",
            "--out",
            Path.Combine(folder, "replay")
        );
        await stop.CancelAsync();
        var replayed = await capture;

        Assert.That(replay.ExitCode, Is.Zero, replay.ToString);
        Assert.That(replayed, Has.Count.EqualTo(original.Count));
        for (var index = 0; index < original.Count; index++)
        {
            var (before, after) = (Parse(original[index]), Parse(replayed[index]));
            Assert.That(after.RequestLine, Is.EqualTo(before.RequestLine), $"request {index + 1}");
            Assert.That(after.Body, Is.EqualTo(before.Body), $"request {index + 1}'s body, byte for byte");
            Assert.That(
                after.Headers,
                Is.EquivalentTo(before.Headers),
                $"request {index + 1}'s headers (order is Kestrel's, not the wire's)"
            );
        }

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "replay", "results.json")));
        var scenario = results.RootElement.GetProperty("scenarios")[0];
        Assert.That(scenario.GetProperty("provider").GetString(), Is.EqualTo("myoperator-incall"));
        Assert.That(
            scenario.GetProperty("deliveries").EnumerateArray().Select(delivery => delivery.GetProperty("event").GetString()),
            Is.EqualTo(new[] { "1", "5", "6", "2" }),
            "each replayed request is recognized as its event"
        );
    }

    [Test]
    public async Task An_imported_recording_is_a_scenario_that_plays_green_against_the_reference_listener()
    {
        await RecordRunAsync();
        var scenarios = Path.Combine(folder, "scenarios");
        var import = await CliRun.InvokeAsync("import", folder, "--out", scenarios);
        Assert.That(import.ExitCode, Is.Zero, import.ToString);
        var file = Directory.GetFiles(scenarios).Single();
        Assert.That(import.Out, Does.StartWith($"wrote {file}: myoperator-incall, 4 event(s) of call "));
        using var scenario = JsonDocument.Parse(File.ReadAllText(file));
        var events = scenario.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(step => step.GetProperty("event").GetString()), Is.EqualTo(new[] { "1", "5", "6", "2" }));
        Assert.That(events[1].GetProperty("after").GetString(), Does.Match(@"^\d+ms$"), "the recorded pause");
        Assert.That(
            events.Any(step => step.TryGetProperty("set", out _)),
            Is.False,
            "the profile's own traffic differs from it in nothing"
        );

        var run = await CliRun.InvokeAsync("run", "--scenarios", scenarios, "--panel", "none", "--seed", "99");
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Out, Does.Contain("PASS myoperator-incall/" + Path.GetFileNameWithoutExtension(file)));
    }

    [Test]
    public async Task Fidelity_finds_no_difference_between_a_profile_and_its_own_recording()
    {
        // The panel's secret header is masked in the recording: configuration, not a difference from the provider.
        await RecordRunAsync(new RecordingMask(["X-Webhook-Token"], [], keep: false), "--header", "X-Webhook-Token: t0ken");
        var fidelity = await CliRun.InvokeAsync("fidelity", folder);
        Assert.That(fidelity.ExitCode, Is.Zero, fidelity.ToString);
        Assert.That(
            fidelity.Out.TrimEnd(),
            Is.EqualTo("callhooks fidelity: 4 of 4 request(s) compared, 0 difference(s): the profiles agree with the recording")
        );
    }

    [Test]
    public async Task An_imported_recording_that_differs_in_kind_sets_and_unsets_exactly_the_differences()
    {
        await RecordRunAsync();
        var clid = Doctor(Path.Combine(folder, "recording.json"));
        var scenarios = Path.Combine(folder, "scenarios");
        var import = await CliRun.InvokeAsync("import", folder, "--out", scenarios);
        Assert.That(import.ExitCode, Is.Zero, import.ToString);
        using var scenario = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(scenarios).Single()));
        var first = scenario.RootElement.GetProperty("events")[0];
        var set = first.GetProperty("set");
        Assert.That(
            set.EnumerateObject().Select(field => field.Name + "=" + field.Value.GetString()),
            Is.EqualTo(new[] { "clid=" + clid, "crm_ref=42" })
        );
        Assert.That(JsonSerializer.Serialize(first.GetProperty("unset")), Is.EqualTo("""["rdnis"]"""));
        Assert.That(
            scenario.RootElement.GetProperty("events")[1].TryGetProperty("set", out _),
            Is.False,
            "only the doctored request differs"
        );
    }

    [Test]
    public async Task Fidelity_reports_exactly_the_doctored_fields()
    {
        await RecordRunAsync();
        var recording = Path.Combine(folder, "recording.json");
        Doctor(recording);

        var fidelity = await CliRun.InvokeAsync("fidelity", recording);
        Assert.That(fidelity.ExitCode, Is.EqualTo(1), fidelity.ToString);
        var lines = fidelity.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(
            lines[..^1],
            Is.EquivalentTo(
                new[]
                {
                    $"{recording} exchange 1 (myoperator-incall event 1): field crm_ref: recorded present (string: 2 digits), profile sends nothing",
                    $"{recording} exchange 1 (myoperator-incall event 1): field rdnis: recorded nothing, profile sends it (string: 10 digits or string: text)",
                    $"{recording} exchange 1 (myoperator-incall event 1): shape clid: recorded string: + and 12 digits, profile sends string: 10 digits",
                }
            )
        );
        Assert.That(lines[^1], Is.EqualTo("callhooks fidelity: 4 of 4 request(s) compared, 3 difference(s)"));
    }

    /// <summary>
    /// Changes the first recorded request the way real traffic may differ: the caller with a plus (a shape the profile
    /// never sends), <c>rdnis</c> dropped, <c>crm_ref</c> added. Returns the new caller.
    /// </summary>
    private static string Doctor(string recording)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(recording))!;
        var request = document["exchanges"]![0]!["request"]!;
        var body = request["body"]!.GetValue<string>();
        var log = System.Text.Json.Nodes.JsonNode.Parse(Uri.UnescapeDataString(body["myoperator=".Length..].Replace('+', ' ')))!.AsObject();
        var clid = "+91" + log["clid"]!.GetValue<string>();
        log["clid"] = clid;
        log.Remove("rdnis");
        log["crm_ref"] = "42";
        request["body"] = "myoperator=" + Uri.EscapeDataString(log.ToJsonString());
        File.WriteAllText(recording, document.ToJsonString());
        return clid;
    }

    /// <summary>Plays the scenario through <c>record</c> into a capturing listener; returns what the listener received.</summary>
    private async Task<IReadOnlyList<byte[]>> RecordRunAsync(RecordingMask? mask = null, params string[] runOptions)
    {
        using var upstream = new RawCapture();
        using var stop = new CancellationTokenSource();
        var capture = upstream.CaptureAllAsync(stop.Token);
        using (
            var recorder = Recorder.Start(
                0,
                upstream.BaseUrl,
                mask ?? new RecordingMask([], [], keep: false),
                folder,
                TimeProvider.System,
                stopAfter: null
            )
        )
        {
            var run = await CliRun.InvokeAsync([
                "run",
                "--target",
                new Uri(recorder.Url, "hook").ToString(),
                .. Played,
                .. runOptions,
                "--out",
                Path.Combine(folder, "run"),
            ]);
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
        }

        await stop.CancelAsync();
        return await capture;
    }

    private static (string RequestLine, string[] Headers, byte[] Body) Parse(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..end].Split("\r\n");
        string[] transport = ["host", "content-length", "connection"];
        var headers = lines[1..]
            .Where(line => !transport.Contains(line.Split(':')[0].ToLowerInvariant()))
            .Select(line => line.Split(':')[0].ToLowerInvariant() + ":" + line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .ToArray();
        return (lines[0], headers, raw[(end + 4)..]);
    }
}
