namespace CallHooks.Conformance.Providers;

/// <summary>An event a provider can send, as scenario files name it.</summary>
/// <param name="Id">The provider's own identifier, e.g. MyOperator call_state <c>"6"</c>.</param>
/// <param name="Meaning">What the provider's documentation says it means.</param>
internal sealed record ProviderEvent(string Id, string Meaning);
