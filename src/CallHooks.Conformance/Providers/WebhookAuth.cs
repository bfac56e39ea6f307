using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers;

/// <summary>
/// Adds the panel's custom headers (in configured order) and then Basic auth to a request, and marks both
/// as secrets so no output ever shows them.
/// </summary>
internal static class WebhookAuth
{
    public static WebhookRequest Apply(WebhookConfig config, WebhookRequest request)
    {
        if (config.Headers.Count == 0 && config.Basic is null)
            return request;
        var headers = request.Headers.ToList();
        var secretHeaders = new HashSet<string>(request.SecretHeaders, StringComparer.OrdinalIgnoreCase);
        var secretValues = request.SecretValues.ToList();
        foreach (var header in config.Headers)
        {
            headers.Add(KeyValuePair.Create(header.Name, header.Value));
            secretHeaders.Add(header.Name);
            secretValues.Add(header.Value);
        }

        if (config.Basic is { } basic)
        {
            headers.Add(
                KeyValuePair.Create(
                    "Authorization",
                    "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(basic.User + ":" + basic.Password))
                )
            );
            secretHeaders.Add("Authorization");
            secretValues.Add(basic.Password);
        }

        return request with
        {
            Headers = headers,
            SecretHeaders = secretHeaders,
            SecretValues = secretValues,
        };
    }
}
