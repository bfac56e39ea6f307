namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>What the envelope said about the call, for the payload to agree with; a field is null when the envelope's was invalid.</summary>
internal sealed record V2Envelope(string? SessionId, string? Customer, string? Direction);
