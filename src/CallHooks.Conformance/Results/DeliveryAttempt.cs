using CallHooks.Conformance.Delivery;

namespace CallHooks.Conformance.Results;

/// <summary>An attempt of a delivery that came before the one judged, e.g. Twilio's first try without credentials.</summary>
internal sealed record DeliveryAttempt(RequestRecord Request, Observation Observation);
