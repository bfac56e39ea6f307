namespace CallHooks.Conformance.Recordings;

/// <summary>
/// Compares a recorded request with the request its profile generates for the same event: method, content type, what
/// carries the payload, field names, their order and types, the shape of each value (digits, time formats and zones,
/// id shapes), and the headers a provider adds. Values themselves differ every call and are not compared, except the
/// event's own values, which recognized the event in the first place.
/// </summary>
internal static class FidelityCheck
{
    /// <summary>Headers added by whatever carried the request (proxies, tunnels, the HTTP stack), not by the provider.</summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host",
        "Content-Length",
        "Connection",
        "Accept-Encoding",
        "Transfer-Encoding",
        "Expect",
        "Via",
        "Forwarded",
        "X-Forwarded-For",
        "X-Forwarded-Proto",
        "X-Forwarded-Host",
        "X-Forwarded-Port",
        "X-Real-IP",
        "CF-Connecting-IP",
        "CF-Ray",
        "CF-Visitor",
        "CDN-Loop",
        "X-Request-Id",
        "Traceparent",
        "Tracestate",
        "Content-Type",
    };

    /// <param name="sameEvent">Every sample of the recognized profile and event: a value's shape or a field's presence is
    /// a difference only when no scenario of the profile sends it that way (a MyOperator <c>reference_id</c> is a UUID
    /// on one call and null on another).</param>
    public static IReadOnlyList<FidelityDifference> Compare(
        RecordedExchange exchange,
        Recognition recognition,
        IReadOnlyList<ProfileSample> sameEvent
    )
    {
        var sample = recognition.Sample;
        var differences = new List<FidelityDifference>();
        void Add(string kind, string subject, string recorded, string generated) =>
            differences.Add(
                new FidelityDifference(exchange.Origin, recognition.Provider, recognition.Event, kind, subject, recorded, generated)
            );

        if (!exchange.Method.Equals(sample.Request.Method, StringComparison.OrdinalIgnoreCase))
            Add("method", "", exchange.Method, sample.Request.Method);
        var generatedType = sample.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (exchange.MediaType != generatedType)
            Add("content type", "", exchange.MediaType ?? "none", generatedType ?? "none");
        var recorded = recognition.Recorded;
        if (recorded.Carrier != sample.View.Carrier)
            Add("payload", "", recorded.Carrier, sample.View.Carrier);
        CompareFields(recorded, sample.View, [.. sameEvent.Select(other => other.View)], Add);
        CompareHeaders(exchange, sample.Request, Add);
        return differences;
    }

    private static void CompareFields(
        PayloadView recorded,
        PayloadView generated,
        IReadOnlyList<PayloadView> alternatives,
        Action<string, string, string, string> add
    )
    {
        var ours = generated.Fields.Select(field => field.Key).ToList();
        var theirs = recorded.Fields.Select(field => field.Key).ToList();
        foreach (var name in theirs.Where(name => !alternatives.Any(view => view.Fields.ContainsKey(name))))
            add("field", name, "present (" + recorded.Shapes[name] + ")", "nothing");
        foreach (var name in ours.Where(name => !theirs.Contains(name) && alternatives.All(view => view.Fields.ContainsKey(name))))
            add("field", name, "nothing", "it (" + Shapes(name, alternatives) + ")");
        var commonTheirs = theirs.Where(ours.Contains).ToList();
        var commonOurs = ours.Where(theirs.Contains).ToList();
        if (!commonTheirs.SequenceEqual(commonOurs, StringComparer.Ordinal))
            add("order", "", string.Join(", ", commonTheirs), string.Join(", ", commonOurs));
        foreach (var name in theirs.Where(name => alternatives.Any(view => view.Fields.ContainsKey(name))))
        {
            var recordedShape = recorded.Shapes[name];
            var shapes = ShapeList(name, alternatives);
            if (!shapes.Contains(recordedShape))
                add(
                    shapes.Any(shape => Kind(shape) == Kind(recordedShape)) ? "shape" : "type",
                    name,
                    recordedShape,
                    string.Join(" or ", shapes)
                );
        }
    }

    private static List<string> ShapeList(string name, IReadOnlyList<PayloadView> alternatives) =>
        [
            .. alternatives
                .Where(view => view.Fields.ContainsKey(name))
                .Select(view => view.Shapes[name])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];

    private static string Shapes(string name, IReadOnlyList<PayloadView> alternatives) =>
        string.Join(" or ", ShapeList(name, alternatives));

    private static string Kind(string shape) => shape.Split(':')[0];

    private static void CompareHeaders(RecordedExchange exchange, Wire.WebhookRequest generated, Action<string, string, string, string> add)
    {
        var ours = generated.Headers.Select(header => header.Key).Where(name => !TransportHeaders.Contains(name)).ToList();
        // A header whose value was masked at recording is a credential the panel adds (a secret header), not the provider's.
        var theirs = exchange
            .Headers.Where(header =>
                !TransportHeaders.Contains(header.Name) && !header.Value.Contains(Secrets.Redactor.Mask, StringComparison.Ordinal)
            )
            .Select(header => header.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var name in theirs.Except(ours, StringComparer.OrdinalIgnoreCase))
            add("header", name, "present", "nothing");
        foreach (var name in ours.Except(theirs, StringComparer.OrdinalIgnoreCase))
            add("header", name, "nothing", "it");
        foreach (var name in ours.Intersect(theirs, StringComparer.OrdinalIgnoreCase))
        {
            var recordedShape = ValueShape.OfText(exchange.Header(name) ?? "");
            var generatedShape = ValueShape.OfText(
                generated.Headers.First(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
            );
            if (recordedShape != generatedShape)
                add("header shape", name, recordedShape, generatedShape);
        }
    }
}
