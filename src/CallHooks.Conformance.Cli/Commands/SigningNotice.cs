using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Twilio;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// What a run tells the user about signatures it makes with a key they did not give: Twilio signs every request, so
/// without <c>--secret</c> callhooks signs with its documented test auth token, and the listener must know it.
/// </summary>
internal static class SigningNotice
{
    public static string? For(IReadOnlyList<string> providers, WebhookConfig config) =>
        providers.Contains(TwilioProfile.ProfileName) && TwilioProfile.SignsWithTestToken(config)
            ? $"callhooks: twilio requests are signed (X-Twilio-Signature) with the test auth token '{TwilioProfile.TestAuthToken}'; "
                + "configure your listener's validator with it, or pass --secret YOUR_AUTH_TOKEN (docs/providers/twilio.md)"
            : null;

    /// <summary>Where a signed run's timestamps come from, said whenever it signs: verifiers reject a timestamp off by five minutes.</summary>
    public static string? Timestamps(RunSettings settings) =>
        settings.Sign is null ? null
        : settings.SignWithCallTime
            ? "callhooks: webhook-timestamp is each event's call time (--signature-time call): byte-identical with --now, "
                + "but a verifier that checks it against its own clock rejects it when --now is more than 5 minutes away"
        : "callhooks: webhook-timestamp is the real clock at sending, as a provider signs, whatever --now says "
            + "(--signature-time call signs with call time, for byte-identical replays)";

    /// <summary>
    /// Standard Webhooks on a body that is not JSON: the signature is right, but the standardwebhooks libraries'
    /// <c>verify()</c> JSON-parses the body by default and throws, so a listener written from their examples refuses
    /// every request. Said before sending, with the Node library's way out (standardwebhooks 1.3.0).
    /// </summary>
    public static string? NonJsonBodies(IReadOnlyList<string> providers, WebhookConfig config)
    {
        if (config.Sign != Providers.StandardWebhooks.StandardWebhooksSigning.Scheme)
            return null;
        var notJson = providers
            .Select(ProviderCatalog.Find)
            .OfType<IProviderProfile>()
            .Select(profile => (profile.Name, Wire: WireShape.Of(profile, config)))
            .Where(sent => sent.Wire.Encoding is not BodyEncoding.Json)
            .Select(sent => $"{sent.Name} ({(sent.Wire.IsGet ? "GET, no body" : "form")})")
            .ToList();
        return notJson.Count == 0
            ? null
            : $"callhooks: warning: standard-webhooks signatures on bodies that are not JSON: {string.Join(", ", notJson)}. "
                + "The standardwebhooks libraries' verify() JSON-parses the body by default and rejects such requests although the "
                + "signature is right; in Node call verify(body, headers, { jsonParse: false }), and parse the form yourself";
    }

    /// <summary>The "signing" entry of results.json's options: what signed the requests, without any key.</summary>
    public static string Shown(IReadOnlyList<string> providers, RunSettings settings, WebhookConfig config) =>
        settings.Sign
        ?? (
            settings.Secret is not null ? "provider"
            : providers.Contains(TwilioProfile.ProfileName) && TwilioProfile.SignsWithTestToken(config) ? "provider (test auth token)"
            : "none"
        );
}
