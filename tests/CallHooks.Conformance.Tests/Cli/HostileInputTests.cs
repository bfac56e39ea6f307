using System.Diagnostics;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// Input that is not what it seems: a pipe instead of a file, a folder that links back into itself, an output folder that
/// cannot exist, keys given twice, a byte-order mark, a huge events list, an instant no provider's ids can carry. Each is
/// refused at once with a sentence and exit 2 (or read correctly), and nothing reaches the listener.
/// </summary>
public sealed class HostileInputTests
{
    [TestCase("--scenario", "", "is a pipe or a device, not a file")]
    [TestCase("--template", "--provider acefone", "--template {path}: is a pipe or a device, not a file")]
    [TestCase("--ca", "", "--ca {path}: is a pipe or a device, not a file")]
    public async Task A_pipe_given_as_an_input_file_is_refused_at_once_and_nothing_is_sent(string option, string extra, string expected)
    {
        var fifo = Fifo();
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var target = option == "--ca" ? "https://127.0.0.1:" + listener.BaseUrl.Port + "/" : listener.BaseUrl.AbsoluteUri;
        var args = new List<string> { "run", "--target", target, option, fifo };
        args.AddRange(extra.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var run = await CliRun.InvokeAsync([.. args]).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain(expected.Replace("{path}", fifo, StringComparison.Ordinal)));
        Assert.That(listener.Requests, Is.Empty);
    }

    [Test]
    public async Task Validate_refuses_a_pipe_and_a_folder_without_scenarios()
    {
        var fifo = Fifo();
        var empty = Directory.CreateTempSubdirectory("callhooks-empty-").FullName;

        var pipe = await CliRun.InvokeAsync("validate", fifo).WaitAsync(TimeSpan.FromSeconds(20));
        var folder = await CliRun.InvokeAsync("validate", empty);

        Assert.That((pipe.ExitCode, pipe.Error), Is.EqualTo((2, $"{fifo}: is a pipe or a device, not a file\n")));
        Assert.That((folder.ExitCode, folder.Error), Is.EqualTo((2, $"callhooks: no scenario files (*.json) in {empty}\n")));
    }

    [Test]
    public async Task A_folder_that_links_back_into_itself_is_walked_once()
    {
        var root = Directory.CreateTempSubdirectory("callhooks-loop-").FullName;
        var inner = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
        File.Copy(
            Path.Combine(RepoPaths.Scenarios, "myoperator-incall", "incoming-missed.json"),
            Path.Combine(inner, "incoming-missed.json")
        );
        Directory.CreateSymbolicLink(Path.Combine(inner, "back"), root);

        var run = await CliRun.InvokeAsync("validate", root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.EndWith("1 file(s): 1 valid, 0 invalid\n"));
    }

    [Test]
    public async Task An_output_folder_that_cannot_be_created_is_refused_before_anything_is_sent()
    {
        var file = Path.GetTempFileName();
        await using var listener = await ScriptedListener.AnsweringAsync(200);

        var run = await CliRun.InvokeAsync("run", "--target", listener.BaseUrl.AbsoluteUri, "--out", Path.Combine(file, "reports"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.StartWith($"callhooks: --out {Path.Combine(file, "reports")}: cannot write reports there: ")
                .And.EndWith("; nothing was sent\n")
        );
        Assert.That(listener.Requests, Is.Empty, "the suite is not played into a folder that would lose its results");
    }

    [Test]
    public async Task A_key_given_twice_is_refused_with_both_positions_and_a_byte_order_mark_is_read_as_editors_save_it()
    {
        var folder = Directory.CreateTempSubdirectory("callhooks-keys-").FullName;
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Scenarios, "myoperator-incall", "incoming-missed.json"));
        var twice = text.Replace(
            "  \"description\":",
            "  \"expect\": { \"status\": \"2xx\" },\n  \"expect\": { \"status\": \"4xx\" },\n  \"description\":",
            StringComparison.Ordinal
        );
        await File.WriteAllTextAsync(Path.Combine(folder, "twice.json"), twice);
        await File.WriteAllBytesAsync(
            Path.Combine(folder, "bom.json"),
            [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text.Replace("incoming-missed", "with-bom", StringComparison.Ordinal))]
        );

        var run = await CliRun.InvokeAsync("validate", folder);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Is.EqualTo(
                $"{Path.Combine(folder, "twice.json")}:6:3: duplicate key \"expect\" (first at 5:3): a JSON reader keeps only one of the two\n"
            )
        );
        Assert.That(run.Out, Does.StartWith($"ok {Path.Combine(folder, "bom.json")} (myoperator-incall/with-bom, 3 events)"));
    }

    [Test]
    public async Task A_huge_events_list_is_refused_without_reading_it_value_by_value_from_the_line_start()
    {
        // One line of 35,000 events (just under the 1 MiB a scenario file may be): with a column worked out from the line's start for every value this took minutes.
        var events = string.Join(",", Enumerable.Repeat("{\"event\":\"1\",\"after\":\"1ms\"}", 35_000));
        var path = Path.Combine(Directory.CreateTempSubdirectory("callhooks-big-").FullName, "big.json");
        await File.WriteAllTextAsync(
            path,
            "{\"name\":\"big\",\"provider\":\"myoperator-incall\",\"description\":\"x\",\"call\":{\"type\":\"incoming\",\"outcome\":\"missed\"},\"events\":["
                + events
                + "]}"
        );

        var run = await CliRun.InvokeAsync("validate", path).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("must have at most 100 items (at /events)"));
    }

    [TestCase("myoperator-incall")]
    [TestCase("myoperator-aftercall")]
    [TestCase("myoperator-v2")]
    [TestCase("acefone")]
    [TestCase("twilio")]
    [TestCase("voipappz")]
    public async Task The_last_supported_instant_gives_bytes_the_reference_listener_accepts(string provider)
    {
        var run = await CliRun.InvokeAsync("run", "--provider", provider, "--now", "2106-01-01T00:00:00Z", "--seed", "3");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
    }

    private static string Fifo()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("callhooks-fifo-").FullName, "input");
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
        return path;
    }
}
