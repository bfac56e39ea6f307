using System.Globalization;
using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>The query-parameter fields MyOperator's panel offers, with the value each one sends.</summary>
internal static class QueryFields
{
    public const string ConstantPrefix = "const:";

    public static readonly IReadOnlyList<MappableField> All =
    [
        new("clid", "Caller number with country code", "+919876543210"),
        new("clid_national", "Caller number without country code", "9876543210"),
        new("created", "Creation date of log (epoch, UTC)", "1577797873"),
        new("event", "Event of log (1 incoming, 2 outgoing)", "1"),
        new("status", "Status of log (1 connected, 2 missed, 3 voicemail; empty until known)", "1"),
        new("call_state", "Call state", "6"),
        new("uid", "UID", "n2.1596270949.2175190"),
        new("company_id", "Company ID", "5cd40f6554442586"),
        new("rdnis", "Service number", "919999999999"),
        new("user_number", "User's phone number (10 digits)", "9999999999"),
        new("reference_id", "Reference ID (OBD campaigns; empty otherwise)", "fd771ed0-d3d1-11ea-935a-9a5b7644c4f0"),
        new("client_ref_id", "Client reference ID", "crm-8x2k1"),
        new("public_ivr_id", "IVR ID", "5ee9a795b318a786"),
        new(ConstantPrefix + "VALUE", "Custom: the constant VALUE", "const:crm-a"),
    ];

    public static bool IsKnown(string field) =>
        field.StartsWith(ConstantPrefix, StringComparison.Ordinal) || All.Any(known => known.Id == field);

    /// <summary>The value sent for <paramref name="field"/>, read from the event's call log so overrides show through.</summary>
    public static string Value(string field, Call call, JsonObject log)
    {
        if (field.StartsWith(ConstantPrefix, StringComparison.Ordinal))
            return field[ConstantPrefix.Length..];
        return field switch
        {
            "clid" => call.Customer.E164,
            "clid_national" => call.Customer.National,
            "created" => call.StartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "rdnis" => call.Type is CallType.Incoming ? call.ServiceNumber.Digits : "unknown",
            "user_number" => call.Agents[0].Number.National,
            _ => Text(log[field]),
        };
    }

    private static string Text(JsonNode? node) =>
        node switch
        {
            null => "",
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
}
