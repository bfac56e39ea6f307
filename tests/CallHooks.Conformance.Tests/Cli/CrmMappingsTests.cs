using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// <c>--downstream-mappings</c> refuses what WireMock.Net would silently misread, with file:line:column and exit 2,
/// before anything is sent; and a mock CRM port in use is named.
/// </summary>
public sealed class CrmMappingsTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("callhooks-mappings-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Broken_json_is_refused_with_its_position()
    {
        var file = Write("crm.json", "{\"Request\": {\"Path\": \"/crm\"},\n \"Response\": {\"StatusCode\": 500,}}");
        await AssertRefused($"{file}:2:33: invalid JSON (a WireMock mapping file is JSON): ");
    }

    [Test]
    public async Task A_java_field_in_a_wiremock_net_mapping_is_refused_rather_than_ignored()
    {
        // "Methods" makes it WireMock.Net's dialect, where "statusCode" is right and "statusMessage" is Java's alone.
        var file = Write(
            "crm.json",
            "{\"Request\": {\"Methods\": [\"POST\"]},\n \"Response\": {\"StatusCode\": 500, \"StatusMessage\": \"down\"}}"
        );
        await AssertRefused(
            $"{file}:2:34: \"StatusMessage\" is not a field of WireMock.Net's ResponseModel, which WireMock.Net would ignore; it knows "
        );
    }

    [Test]
    public async Task A_java_mapping_relying_on_a_field_the_import_drops_is_refused_naming_the_net_equivalent()
    {
        var file = Write(
            "slow.json",
            "{\"request\": {\"method\": \"POST\"},\n \"response\": {\"status\": 200, \"fixedDelayMilliseconds\": 3000}}"
        );
        await AssertRefused(
            $"{file}:2:30: WireMock.Net's import of WireMock (Java) mappings does not apply \"fixedDelayMilliseconds\"; write this mapping in WireMock.Net's dialect (\"Response\": {{\"Delay\": milliseconds}}) (at /response/fixedDelayMilliseconds)"
        );
    }

    [Test]
    public async Task Java_matchers_the_import_would_change_are_refused()
    {
        var file = Write(
            "crm.json",
            "{\"request\": {\"method\": \"POST\", \"headers\": {\"X-Api-Key\": {\"contains\": \"k\"}},\n \"bodyPatterns\": [{\"equalToJson\": {}, \"ignoreExtraElements\": true}]},\n \"response\": {\"status\": 201}}"
        );
        var run = await CliRun.InvokeAsync("run", "--downstream-mappings", folder, "--panel", "none");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain(
                $"{file}:1:58: WireMock.Net's import of WireMock (Java) mappings reads \"contains\" as an exact match; write \"matches\": \".*VALUE.*\" instead (at /request/headers/X-Api-Key/contains)"
            )
        );
        Assert.That(
            run.Error,
            Does.Contain(
                $"{file}:2:39: WireMock.Net's import of WireMock (Java) mappings applies \"equalToJson\" without \"ignoreExtraElements\" (at /request/bodyPatterns/0/ignoreExtraElements)"
            )
        );
        Assert.That(run.Out, Is.Empty, "nothing sent, nothing reported");
    }

    [Test]
    public async Task A_mapping_without_a_response_is_refused()
    {
        var file = Write("crm.json", "[{\"request\": {\"method\": \"POST\"}, \"response\": {\"status\": 201}},\n {\"request\": {}}]");
        await AssertRefused($"{file}:2:2: the mapping has no \"response\" object (WireMock needs both) (at /1)");
    }

    [Test]
    public async Task An_export_without_mappings_is_refused_rather_than_hosting_a_crm_that_answers_200()
    {
        Write("export.json", """{"mappings": []}""");
        var run = await CliRun.InvokeAsync("run", "--downstream-mappings", folder, "--panel", "none");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain($"--downstream-mappings {folder}: holds no mapping; leave the option out for a CRM that answers 200 to everything")
        );
    }

    [Test]
    public async Task An_empty_folder_and_a_missing_path_are_refused()
    {
        var empty = await CliRun.InvokeAsync("run", "--downstream-mappings", folder, "--panel", "none");
        Assert.That(empty.ExitCode, Is.EqualTo(2), empty.ToString);
        Assert.That(empty.Error, Does.Contain($"--downstream-mappings {folder}: the folder holds no *.json mapping files"));
        var missing = Path.Combine(folder, "nowhere");
        var absent = await CliRun.InvokeAsync("run", "--downstream-mappings", missing, "--panel", "none");
        Assert.That(absent.ExitCode, Is.EqualTo(2), absent.ToString);
        Assert.That(absent.Error, Does.Contain($"--downstream-mappings {missing}: no such file or folder"));
    }

    [Test]
    public async Task A_mock_crm_port_in_use_exits_2_naming_the_port()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var run = await CliRun.InvokeAsync(
            "run",
            "--downstream-port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--panel",
            "none"
        );
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain($"--downstream-port {port}: the mock CRM cannot listen on 127.0.0.1:{port}: "));
        Assert.That(run.Error, Does.Contain("address already in use"));
        Assert.That(Directory.Exists(run.OutDirectory) ? Directory.GetFiles(run.OutDirectory) : [], Is.Empty, "nothing written");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task AssertRefused(string expected)
    {
        var run = await CliRun.InvokeAsync("run", "--downstream-mappings", folder, "--panel", "none");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(run.Out, Is.Empty, "nothing sent, nothing reported");
    }
}
