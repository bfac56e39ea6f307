using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>
/// The provider documents' own sample payloads, as recordings (Seeds/*.har, hand-made from the samples in
/// docs/providers/), judged by <c>callhooks fidelity</c>: the profiles agree with them, except where a sample leaves a
/// shape unknown and docs/providers/ says what callhooks assumes instead.
/// </summary>
public sealed class SeedSampleFidelityTests
{
    private static string Seed(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "CallHooks.Conformance.Tests", "Recordings", "Seeds", name);

    [Test]
    public async Task The_myoperator_in_call_profile_agrees_with_the_documented_sample()
    {
        var run = await CliRun.InvokeAsync("fidelity", Seed("myoperator-incall-sample.har"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(
            run.Out.TrimEnd(),
            Is.EqualTo("callhooks fidelity: 1 of 1 request(s) compared, 0 difference(s): the profiles agree with the recording")
        );
    }

    [Test]
    public async Task The_voipappz_profile_differs_from_its_sample_only_where_docs_providers_names_an_assumption()
    {
        var file = Seed("voipappz-sample.har");
        var run = await CliRun.InvokeAsync("fidelity", file);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        var prefix = $"{file} entry 1 (voipappz event Call:Reporting): ";
        Assert.That(
            run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Is.EqualTo(
                new[]
                {
                    // docs/providers/voipappz.md: "The shapes of contact_number and caller_id_number are unknown (both null
                    // in the sample); callhooks uses digits with country code, as did_number has."
                    prefix + "type contact_number: recorded null, profile sends string: 12 digits",
                    prefix + "type caller_id_number: recorded null, profile sends string: 12 digits",
                    // docs/providers/voipappz.md, reading destination: the sample's one value is a nine-digit landline;
                    // callhooks generates numbers of its own with the trunk zero.
                    prefix + "shape destination: recorded string: 9 digits, profile sends string: 11 digits",
                    "callhooks fidelity: 1 of 1 request(s) compared, 3 difference(s)",
                }
            )
        );
    }
}
