using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>
/// Masks secrets in what came back. A listener may echo what it received (a debug page, an error that quotes
/// the Authorization header), so response headers, bodies and failure messages are untrusted text that can
/// carry our own secrets into results.json and the console.
/// </summary>
internal static class ObservationRedaction
{
    /// <summary>Every secret of a request: marked values, full secret header values and their credentials, and the signing secret.</summary>
    public static IReadOnlyList<string> Secrets(WebhookRequest request, WebhookConfig config)
    {
        var secrets = new List<string>(request.SecretValues);
        foreach (var (name, value) in request.Headers.Where(header => request.SecretHeaders.Contains(header.Key)))
        {
            secrets.Add(value);
            // "Basic dXNlcjpwYXNz": the credentials alone are what an echo would most likely show.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && space < value.Length - 1)
                secrets.Add(value[(space + 1)..]);
        }

        secrets.AddRange(config.Headers.Select(header => header.Value));
        if (config.Basic is { } basic)
            secrets.Add(basic.Password);
        if (config.Secret is { } secret)
            secrets.Add(secret);
        return secrets.Where(secret => secret.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The secrets of a configuration alone (for text that belongs to no single request, such as rule evidence).</summary>
    public static IReadOnlyList<string> Secrets(WebhookConfig config) =>
        Secrets(WebhookAuth.Apply(config, new WebhookRequest { Method = "GET", Url = config.Target }), config);

    public static Observation Apply(Observation observation, IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0)
            return observation;
        return observation with
        {
            Response = observation.Response is { } response
                ? response with
                {
                    Reason = Redactor.Text(secrets, response.Reason),
                    Headers = response.Headers.Select(header => KeyValuePair.Create(header.Key, Redactor.Text(secrets, header.Value))).ToList(),
                    Body = Redactor.Text(secrets, response.Body),
                }
                : null,
            Failure = observation.Failure is { } failure ? failure with { Message = Redactor.Text(secrets, failure.Message) } : null,
        };
    }
}
