using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Providers;

/// <summary>
/// The users reading against a listener written to the field table's prose (users as a comma-separated string): the
/// default, the sample's JSON list, fails it with the listener's own reason; --option users=comma passes. Each reading
/// is a question a real integration answers one way.
/// </summary>
public sealed class UsersReadingTests
{
    [Test]
    public async Task A_listener_that_reads_users_as_a_comma_list_fails_the_array_reading_and_passes_the_comma_one()
    {
        await using var listener = await ReferenceListener.StartAsync(
            new ListenerOptions { ProviderOptions = new Dictionary<string, string> { ["users"] = "comma" } }
        );
        string[] run = ["run", "--target", listener.BaseUrl.AbsoluteUri, "--scenario", "incoming-answered", "--seed", "7"];

        var array = await CliRun.InvokeAsync(run);
        var comma = await CliRun.InvokeAsync([.. run, "--option", "users=comma"]);

        Assert.That(array.ExitCode, Is.EqualTo(1), array.ToString);
        Assert.That(
            array.File("results.json"),
            Does.Contain("users must be a comma-separated string of agent numbers, got array"),
            "the listener says why"
        );
        Assert.That(comma.ExitCode, Is.Zero, comma.ToString);
    }
}
