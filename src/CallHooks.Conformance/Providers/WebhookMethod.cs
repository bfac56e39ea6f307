namespace CallHooks.Conformance.Providers;

/// <summary>How a webhook goes on the wire: GET carries everything in the query string; POST carries a body.</summary>
internal enum WebhookMethod
{
    Get,
    Post,
}
