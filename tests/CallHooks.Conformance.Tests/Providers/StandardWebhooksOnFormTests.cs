using System.Text.Json;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// --sign standard-webhooks on a form-encoded provider: the standardwebhooks library's verify() throws on the form
/// body by default although the signature is right, and accepts it with { jsonParse: false }; the run warns before
/// sending, naming that option.
/// </summary>
public sealed class StandardWebhooksOnFormTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Test]
    public async Task The_run_warns_and_the_library_refuses_the_form_body_unless_told_not_to_parse_it()
    {
        await using var server = FaultServer.Start(Faults.Ok);
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            server.Url.AbsoluteUri,
            "--scenario",
            "incoming-answered",
            "--sign",
            "standard-webhooks",
            "--secret",
            Secret,
            "--seed",
            "7"
        );
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(
            run.Error,
            Does.Contain(
                "callhooks: warning: standard-webhooks signatures on bodies that are not JSON: myoperator-incall (form). "
                    + "The standardwebhooks libraries' verify() JSON-parses the body by default and rejects such requests although the "
                    + "signature is right; in Node call verify(body, headers, { jsonParse: false }), and parse the form yourself"
            )
        );

        // The first request as the run sent it (signed at the real time of sending), from results.json.
        using var results = JsonDocument.Parse(run.File("results.json"));
        var sent = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0].GetProperty("request");
        var verdicts = await VendorVerifiers.JudgeAsync([Judged(sent, parse: true), Judged(sent, parse: false)]);
        Assert.That(verdicts[0], Does.Contain("JSON"), "by default the library parses the form body as JSON and throws");
        Assert.That(verdicts[1], Is.Null, "with { jsonParse: false } the same request verifies: the signature is right");
    }

    private static JsonObject Judged(JsonElement request, bool parse)
    {
        var judged = new JsonObject
        {
            ["scheme"] = "standard-webhooks",
            ["secret"] = Secret,
            ["body"] = request.GetProperty("body").GetString(),
            ["headers"] = new JsonObject(
                request
                    .GetProperty("headers")
                    .EnumerateArray()
                    .Where(header => header.GetProperty("name").GetString()!.StartsWith("webhook-", StringComparison.Ordinal))
                    .Select(header =>
                        KeyValuePair.Create(header.GetProperty("name").GetString()!, (JsonNode?)header.GetProperty("value").GetString())
                    )
            ),
        };
        if (!parse)
            judged["options"] = new JsonObject { ["jsonParse"] = false };
        return judged;
    }
}
