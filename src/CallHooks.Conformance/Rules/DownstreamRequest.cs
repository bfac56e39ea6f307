namespace CallHooks.Conformance.Rules;

/// <summary>One request the listener sent to the mock CRM.</summary>
internal sealed record DownstreamRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Body);
