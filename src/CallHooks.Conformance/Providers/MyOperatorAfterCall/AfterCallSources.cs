using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>The evidence the v1 After-Call profile cites; docs/providers/myoperator-aftercall.md describes each.</summary>
internal static class AfterCallSources
{
    public const string Sample = "aftercall-sample";
    public const string KeyTable = "aftercall-keys";
    public const string ParserCode = "aftercall-parsers";

    public static readonly IReadOnlyList<Source> All =
    [
        new(
            Sample,
            SourceKind.VendorSample,
            "the sample After-Call log on MyOperator's After-Call webhook page: every short key with a value"
        ),
        new(
            KeyTable,
            SourceKind.VendorDocumentation,
            "MyOperator's description of the After-Call short keys (_ai log id, _cr caller, _ld legs, ...)"
        ),
        new(
            ParserCode,
            SourceKind.PublicCode,
            "public CRM code that parses After-Call logs: legs and their agent lists read from _ld and _rr"
        ),
    ];
}
