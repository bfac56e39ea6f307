namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>
/// The listener's memory of v2 sessions. It enforces what must hold across the events of one call: the same company,
/// direction and customer throughout, one event per event_sequence, and an event_id that names one event only. A
/// repeated event_id with the same content is a retry. Events travel in parallel and retries run for hours, so an
/// event with a lower sequence, or a call event after call.summary, is accepted as late rather than refused.
/// </summary>
internal sealed class V2SessionBook(CallCapacity capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string SessionId, string Fingerprint)> events = new(StringComparer.Ordinal);

    /// <summary>Accepts the event, counts it as a retry (Duplicate), or returns a 409 saying what is inconsistent.</summary>
    public (bool Duplicate, Rejection? Rejection) Record(V2Delivery delivery)
    {
        lock (gate)
        {
            if (events.TryGetValue(delivery.EventId, out var known))
            {
                if (known.SessionId != delivery.SessionId)
                    return Conflict($"event_id {delivery.EventId} already belongs to session_id {known.SessionId}");
                return known.Fingerprint == delivery.Fingerprint
                    ? (true, null)
                    : Conflict($"event_id {delivery.EventId} was delivered before with different content; a retry must repeat the event");
            }

            if (sessions.TryGetValue(delivery.SessionId, out var session) && Inconsistency(session, delivery) is { } problem)
                return Conflict(problem);

            if (session is null && !capacity.TryTake())
                return (false, capacity.Full);
            session ??= new Session(delivery.CompanyId, delivery.Direction, delivery.Customer);
            sessions[delivery.SessionId] = session;
            events.Add(delivery.EventId, (delivery.SessionId, delivery.Fingerprint));
            if (delivery.EventType != "call.summary" && delivery.Sequence is { } sequence)
            {
                session.LastSequence = Math.Max(session.LastSequence, sequence);
                session.Sequences.Add(sequence);
            }

            session.Summarised |= delivery.EventType == "call.summary";
            return (false, null);
        }
    }

    private static string? Inconsistency(Session session, V2Delivery delivery)
    {
        var id = delivery.SessionId;
        if (session.CompanyId != delivery.CompanyId)
            return $"session_id {id} changed company_id from {session.CompanyId} to {delivery.CompanyId}";
        if (session.Direction != delivery.Direction)
            return $"session_id {id} changed direction from {session.Direction} to {delivery.Direction}";
        if (session.Customer != delivery.Customer)
            return $"session_id {id} changed customer_identifier from {session.Customer} to {delivery.Customer}";
        // call.summary's number is a documented ambiguity (the vendor's sample carries 1), so only live events must not repeat one.
        if (delivery.EventType != "call.summary" && delivery.Sequence is { } sequence && session.Sequences.Contains(sequence))
            return $"event_sequence {sequence} of {delivery.EventType} was already used by another event of session_id {id}";
        if (session.Summarised && delivery.EventType == "call.summary")
            return $"session_id {id} already had a call.summary with another event_id";
        return null;
    }

    private static (bool, Rejection?) Conflict(string problem) => (false, new Rejection(409, problem));

    private sealed class Session(string companyId, string direction, string customer)
    {
        public string CompanyId { get; } = companyId;

        public string Direction { get; } = direction;

        public string Customer { get; } = customer;

        public long LastSequence { get; set; }

        public HashSet<long> Sequences { get; } = [];

        public bool Summarised { get; set; }
    }
}
