using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Secrets;

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
        // Plain loops and nothing allocated when there is nothing secret: this runs for every delivery of a load run.
        List<string>? secrets = null;
        foreach (var value in request.SecretValues)
            Add(value);
        if (request.SecretHeaders.Count > 0)
        {
            foreach (var (name, value) in request.Headers)
            {
                if (!request.SecretHeaders.Contains(name))
                    continue;
                Add(value);
                // "Basic dXNlcjpwYXNz": the credentials alone are what an echo would most likely show.
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && space < value.Length - 1)
                    Add(value[(space + 1)..]);
            }
        }

        foreach (var header in config.Headers)
            Add(header.Value);
        if (config.Basic is { } basic)
        {
            Add(basic.Password);
            // The Authorization header's credentials, even for a request sent without them (a probe): an echo of an earlier one may carry them.
            Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic.User + ":" + basic.Password)));
        }
        if (config.Secret is { } secret)
            Add(secret);
        return secrets ?? (IReadOnlyList<string>)[];

        void Add(string secret)
        {
            if (secret.Length > 0 && !(secrets ??= []).Contains(secret, StringComparer.Ordinal))
                secrets.Add(secret);
        }
    }

    /// <summary>The secrets of a configuration alone (for text that belongs to no single request, such as rule evidence).</summary>
    public static IReadOnlyList<string> Secrets(IProviderProfile profile, WebhookConfig config) =>
        Secrets(profile.Authenticate(new WebhookRequest { Method = "GET", Url = config.Target }, config), config);

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
                    Headers = response
                        .Headers.Select(header => KeyValuePair.Create(header.Key, Redactor.Text(secrets, header.Value)))
                        .ToList(),
                    Body = Redactor.Text(secrets, response.Body),
                }
                : null,
            Failure = observation.Failure is { } failure ? failure with { Message = Redactor.Text(secrets, failure.Message) } : null,
            // What came after the budget is listener text too: its status line and how the connection ended.
            Late = observation.Late is { } late
                ? late with
                {
                    StatusLine = late.StatusLine is null ? null : Redactor.Text(secrets, late.StatusLine),
                    Ending = late.Ending is null ? null : Redactor.Text(secrets, late.Ending),
                }
                : null,
        };
    }
}
