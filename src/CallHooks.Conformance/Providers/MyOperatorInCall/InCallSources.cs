using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>The evidence the v1 In-Call profile cites; docs/providers/myoperator-incall.md describes each.</summary>
internal static class InCallSources
{
    public const string FieldList = "incall-field-table";
    public const string Sample = "incall-sample";
    public const string PhpSample = "incall-php-sample";
    public const string Overview = "incall-overview";
    public const string QueryPanel = "incall-query-panel";

    public static readonly IReadOnlyList<Source> All =
    [
        new(Sample, SourceKind.Seed, "the sample call log on MyOperator's In-Call webhook page (the product's source document)"),
        new(FieldList, SourceKind.Seed, "the call-log field table and call_state / event / status tables on the same page"),
        new(
            PhpSample,
            SourceKind.Seed,
            "the PHP listener sample on the same page: POST form field myoperator holding the log as JSON text"
        ),
        new(
            QueryPanel,
            SourceKind.Seed,
            "the panel's query-parameter fields (caller with and without country code, creation epoch, ...) on the same page"
        ),
        new(
            Overview,
            SourceKind.Seed,
            "MyOperator's In-Call webhook overview page: a JSON body {\"myoperator\": {...}}, custom headers, Basic auth"
        ),
    ];
}
