using System.Net;
using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// Every path that names no provider is read as a MyOperator In-Call webhook, because users point MyOperator at any path.
/// A Twilio callback sent to a mistyped /twillio/ must not fail as a puzzling In-Call error: the refusal names the provider.
/// </summary>
public sealed class ProviderPathTypoTests
{
    [Test]
    public async Task A_mistyped_provider_path_is_refused_with_the_provider_it_was_meant_for_and_every_provider_s_path()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        using var client = new HttpClient();
        using var body = new StringContent("CallSid=CA123&CallStatus=ringing", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(listener.BaseUrl, "twillio/status"), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(
            answer.RootElement.GetProperty("errors").EnumerateArray().Last().GetString(),
            Is.EqualTo(
                "/twillio/ names no provider (did you mean /twilio/?), so it was read as a MyOperator In-Call webhook; the providers are served at "
                    + "/acefone/, /myoperator-aftercall/, /myoperator-v2/, /twilio/, /voipappz/"
            )
        );
    }

    [Test]
    public async Task An_in_call_listener_on_a_path_of_its_own_gets_no_such_hint()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        using var client = new HttpClient();
        using var body = new StringContent("CallSid=CA123", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(listener.BaseUrl, "hooks/myoperator"), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("names no provider"));
    }
}
