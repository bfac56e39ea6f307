using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Providers.Readings;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>Where the voipappz page contradicts itself or stops short, each a named choice (docs/providers/voipappz.md).</summary>
internal static class VoipappzReadings
{
    public static readonly Reading Billing = new(
        VoipappzOptions.Billing,
        "Does billing_duration hold seconds?",
        [
            new("seconds", "billing_duration 341 (the billed seconds), billing_duration_time \"00:05:41\"", VoipappzSources.FieldList),
            new(
                "sample",
                "billing_duration 1733173541 (an epoch, as the sample's value is), billing_duration_time its minutes and seconds",
                VoipappzSources.Sample
            ),
        ],
        "seconds",
        "the field list documents seconds; the sample's value reads as the call's end epoch, which no listener could bill from"
    );

    public static readonly Reading Destination = new(
        VoipappzOptions.Destination,
        "How is destination written?",
        [
            new("string", "\"destination\":\"039000000\": quoted, keeping the trunk zero", Source.AssumptionId),
            new("number", "\"destination\":39000000: a valid JSON number without the zero", Source.AssumptionId),
            new("raw", "\"destination\":039000000: the sample's bytes, which no strict JSON parser accepts", VoipappzSources.Sample),
        ],
        "string",
        "the sample's unquoted leading zero is not JSON; quoting it keeps the value a listener can use"
    );

    public static readonly Reading Get = new(
        VoipappzOptions.Get,
        "Where does a GET webhook carry its fields?",
        [
            new("query", "the fields as query parameters, no body", Source.AssumptionId),
            new("body", "the JSON body template on the GET request itself", VoipappzSources.Events),
        ],
        "query",
        "the page pairs GET with a body template and says no more; a GET body is dropped by many proxies and servers, the query string is not"
    );

    public static readonly Reading Zone = new(
        VoipappzOptions.Zone,
        "Which clock are start_at and answer_at on?",
        [
            new(
                "+05:30",
                "\"start_at\":\"15:00:00\" for a call at 09:30 UTC: the environment's local time, India's (IST)",
                Source.AssumptionId
            ),
            new(
                "+02:00",
                "\"start_at\":\"11:30:00\" for a call at 09:30 UTC: the sample's clock, whose start_at 23:04:40 is its created_at 21:04:40+00:00 two hours ahead",
                VoipappzSources.Sample
            ),
            new(
                "utc",
                "\"start_at\":\"09:30:00\" for a call at 09:30 UTC: UTC, as a time without an offset is often read",
                Source.AssumptionId
            ),
        ],
        "+05:30",
        "the sample shows local wall-clock time (its environment ran at +02:00); the calls callhooks generates are Indian, so their environment's clock is IST"
    )
    {
        // Any offset an environment can be set to is a reading of its own; these are the ones the sources suggest.
        OpenToOthers = true,
    };

    public static readonly IReadOnlyList<Reading> All = [Billing, Destination, Get, Zone];
}
