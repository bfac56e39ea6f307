namespace CallHooks.Conformance.Recordings;

/// <summary>
/// Recognizes the provider, event and call of a recorded request from its bytes alone, by comparing its payload's
/// fields with what every profile generates: the provider is the one whose field names it shares most (at least half
/// of all names either side has), the event the one whose own values (<see cref="ProfileSample.Stable"/>) it matches
/// most, then whose value shapes it shares most, and the call is the value at the field where the profile puts its call id (uid, CallSid, call_id, uuid).
/// No provider-specific code: a new profile is recognized as soon as it has shipped scenarios.
/// </summary>
internal sealed class ProviderRecognizer(IReadOnlyList<ProfileSample> samples)
{
    private const double Threshold = 0.5;

    /// <summary>Every sample of the recognized profile and event: the shapes the profile may send for it, across its scenarios.</summary>
    public IReadOnlyList<ProfileSample> SameEvent(Recognition recognition) =>
        [.. samples.Where(sample => sample.Profile == recognition.Sample.Profile && sample.Step.Event == recognition.Event)];

    /// <summary>The recognition, or why the request could not be placed.</summary>
    public (Recognition? Found, string? Why) Recognize(RecordedExchange exchange)
    {
        var view = PayloadView.Of(exchange);
        if (view.Fields.Count == 0)
            return (null, $"its payload ({view.Carrier}) has no fields to recognize a provider by");
        var names = view.Fields.Select(field => field.Key).ToHashSet(StringComparer.Ordinal);
        var scored = samples
            .Select(sample =>
            {
                var theirs = sample.View.Shapes;
                var shared = names.Count(theirs.ContainsKey);
                var similarity = shared / (double)(names.Count + theirs.Count - shared);
                var sameValues = sample.Stable.Count(key => names.Contains(key) && view.Text(key) == sample.View.Text(key));
                // Where no field names the event (voipappz sends no event name), the shapes do: a hangup has times and a
                // recording where a ringing call has nulls.
                var sameShapes = names.Count(key => theirs.TryGetValue(key, out var shape) && shape == view.Shapes[key]);
                // A profile that also sends another webhook's events (After-Call's scenarios carry In-Call events) yields to
                // the profile those events are its own.
                var borrowed = sample.Profile.EventGroups.Values.Any(group => group.Contains(sample.Step.Event));
                return (
                    Sample: sample,
                    Shared: shared,
                    Similarity: similarity,
                    SameValues: sameValues,
                    SameShapes: sameShapes,
                    Borrowed: borrowed
                );
            })
            .ToList();
        var provider = scored
            .OrderByDescending(score => score.Similarity)
            .ThenByDescending(score => score.SameValues)
            .ThenBy(score => score.Borrowed)
            .First();
        if (provider.Similarity < Threshold)
            return (
                null,
                $"no provider's payload looks like it: the nearest, {provider.Sample.Profile.Name}, shares {provider.Shared} of its {names.Count} field names ({view.Carrier})"
            );
        var best = scored
            .Where(score => score.Sample.Profile == provider.Sample.Profile)
            .OrderByDescending(score => score.SameValues)
            .ThenByDescending(score => score.SameShapes)
            .ThenByDescending(score => score.Similarity)
            .First();
        var callId = best.Sample.CallIdField is { } field ? view.Text(field) : null;
        if (string.IsNullOrEmpty(callId))
            return (
                null,
                $"it looks like {best.Sample.Profile.Name} event {best.Sample.Step.Event}, but carries no call id ({best.Sample.CallIdField ?? "the profile's call id field"})"
            );
        return (new Recognition(best.Sample, view, callId, best.Shared, names.Count), null);
    }
}
