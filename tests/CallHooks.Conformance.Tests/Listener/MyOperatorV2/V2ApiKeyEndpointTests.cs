using System.Net;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener.MyOperatorV2;

/// <summary>The listener demands the API key where the run's --option settings put it, and never echoes it.</summary>
public sealed class V2ApiKeyEndpointTests
{
    private const string Key = "s3cret-key";

    private static async Task<Reply> Post(
        Dictionary<string, string> options,
        string path,
        Action<System.Net.Http.Headers.HttpRequestHeaders>? headers = null
    )
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions { ProviderOptions = options });
        using var client = new HttpClient { BaseAddress = listener.BaseUrl };
        return await ListenerKit.SendAsync(client, HttpMethod.Post, path, ListenerKit.Raw(V2EventKit.End(), "application/json"), headers);
    }

    private static Dictionary<string, string> Header() => new(StringComparer.Ordinal) { ["api-key"] = Key };

    private static Dictionary<string, string> Query() =>
        new(StringComparer.Ordinal)
        {
            ["api-key"] = Key,
            ["api-key-in"] = "query",
            ["api-key-name"] = "token",
        };

    [Test]
    public async Task The_right_key_in_the_default_header_passes() =>
        Assert.That((await Post(Header(), V2EventKit.Path, h => h.Add("x-api-key", Key))).Status, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task A_missing_header_key_is_401_and_a_wrong_one_403()
    {
        var missing = await Post(Header(), V2EventKit.Path);
        var wrong = await Post(Header(), V2EventKit.Path, h => h.Add("x-api-key", "guess"));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(missing.Error, Is.EqualTo("API key header 'x-api-key' is missing"));
        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(wrong.Error, Is.EqualTo("API key header 'x-api-key' is wrong"));
        Assert.That(wrong.Body, Does.Not.Contain(Key));
    }

    [Test]
    public async Task The_key_in_a_named_query_parameter_passes_and_a_wrong_one_is_403()
    {
        var right = await Post(Query(), V2EventKit.Path + "?token=" + Key);
        var wrong = await Post(Query(), V2EventKit.Path + "?token=nope");
        var inHeader = await Post(Query(), V2EventKit.Path, h => h.Add("token", Key));
        Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK), right.Body);
        Assert.That(wrong.Error, Is.EqualTo("API key query parameter 'token' is wrong"));
        Assert.That(inHeader.Error, Is.EqualTo("API key query parameter 'token' is missing"));
    }
}
