using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers.MyOperatorInCall;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>
/// The query-parameter fields MyOperator's docs name by After-Call short keys (<c>_cr</c>, <c>_cl</c>, <c>_ci</c>,
/// <c>_pm.ui</c>, <c>_ld._rr._ct</c>, <c>_ri</c>, <c>_cri</c>, <c>_ivid</c>). One panel mapping serves both logs:
/// each key also names the In-Call field carrying the same value, so in-call events of this profile send the
/// same parameters.
/// </summary>
internal static class AfterCallQueryFields
{
    public static readonly IReadOnlyList<(MappableField Field, string InCallField)> All =
    [
        (new("_cr", "Caller number, 10 digits", "9876543210"), "clid_national"),
        (new("_cl", "Caller number with country code", "+919876543210"), "clid"),
        (new("_ci", "Company ID", "5cd40f6554442586"), "company_id"),
        (new("_pm.ui", "UID", "n2.1596270949.2175190"), "uid"),
        (new("_ld._rr._ct", "Agent's number, 10 digits (first leg's first agent)", "9999999999"), "user_number"),
        (new("_ri", "Reference ID (OBD campaigns; empty otherwise)", "fd771ed0-d3d1-11ea-935a-9a5b7644c4f0"), "reference_id"),
        (new("_cri", "Client reference ID", "crm-8x2k1"), "client_ref_id"),
        (new("_ivid", "IVR ID", "5ee9a795b318a786"), "public_ivr_id"),
        (new(QueryFields.ConstantPrefix + "VALUE", "Custom: the constant VALUE", "const:crm-a"), QueryFields.ConstantPrefix + "VALUE"),
    ];

    public static IReadOnlyList<MappableField> Fields { get; } = All.Select(entry => entry.Field).ToList();

    public static bool IsKnown(string field) =>
        field.StartsWith(QueryFields.ConstantPrefix, StringComparison.Ordinal) || All.Any(entry => entry.Field.Id == field);

    /// <summary>The In-Call field with the same value, for the in-call events of this profile.</summary>
    public static string InCallField(string field) =>
        field.StartsWith(QueryFields.ConstantPrefix, StringComparison.Ordinal)
            ? field
            : All.First(entry => entry.Field.Id == field).InCallField;

    /// <summary>The value sent for <paramref name="field"/> with an After-Call log: the same value the In-Call mapping gives.</summary>
    public static string Value(string field, Call call) =>
        QueryFields.Value(InCallField(field), call, CallLog.For(call, CallStates.Finished, ClidStyle.National));
}
