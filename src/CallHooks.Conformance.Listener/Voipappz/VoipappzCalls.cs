using System.Text.Json;

namespace CallHooks.Conformance.Listener.Voipappz;

/// <summary>
/// What the listener remembers of each voipappz call, by uuid: the fields that describe the call itself and so
/// may not change between its events. One lock keeps concurrent deliveries consistent.
/// </summary>
internal sealed class VoipappzCalls(CallCapacity capacity)
{
    private static readonly string[] FixedFields =
    [
        "direction",
        "type",
        "created_at",
        "start_at",
        "contact_number",
        "caller_id_number",
        "did_number",
    ];

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, string>> byUuid = new(StringComparer.Ordinal);

    /// <summary>Remembers the call's fixed fields, or refuses: 409 naming the one that changed since its first event, 503 when full.</summary>
    public Rejection? Record(string uuid, JsonElement body)
    {
        var seen = FixedFields.ToDictionary(name => name, name => Shown(body.GetProperty(name)), StringComparer.Ordinal);
        lock (gate)
        {
            if (!byUuid.TryGetValue(uuid, out var first))
            {
                if (!capacity.TryTake())
                    return capacity.Full;
                byUuid.Add(uuid, seen);
                return null;
            }

            return FixedFields
                .Where(name => first[name] != seen[name])
                .Select(name => new Rejection(409, $"uuid {uuid} changed {name} from {first[name]} to {seen[name]}"))
                .FirstOrDefault();
        }
    }

    /// <summary>Strings as the sender meant them (a raw "\u002B" would hide the '+' in messages), anything else as JSON.</summary>
    private static string Shown(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? JsonText.Quote(value.GetString()!) : value.GetRawText();
}
