using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Providers.MyOperatorInCall;
using static CallHooks.Conformance.Providers.Fields.FieldRow;
using static CallHooks.Conformance.Providers.MyOperatorAfterCall.AfterCallSources;

namespace CallHooks.Conformance.Providers.MyOperatorAfterCall;

/// <summary>
/// Every field the v1 After-Call profile sends, with its source (docs/providers/myoperator-aftercall.md shows this
/// table): the short-key log of the after-call event, and the In-Call log of the call's earlier states. The sample also
/// carries _cm, _ns, _an, _bp and _tc, whose meaning is not documented; callhooks does not send them.
/// </summary>
internal static class AfterCallFieldTable
{
    private const string A = Source.AssumptionId;

    public static readonly FieldTable Table = FieldTable.Of(
        [.. All, .. InCallSources.All],
        [
            .. InCallFieldTable.Rows,
            Of("myoperator._ai", "16 hex digits: the log's id (the In-Call log's id)", $"{Sample}, {KeyTable}"),
            Of("myoperator._so", "\"1\"", Sample, "the source of the log; only the sample's value is known"),
            Of("myoperator._ci", "16 hex digits: the company", $"{Sample}, {KeyTable}"),
            Of("myoperator._cr", "the caller's national ten digits", $"{Sample}, {KeyTable}"),
            Of("myoperator._cl", "the caller in E.164", $"{Sample}, {KeyTable}"),
            Of("myoperator._cy", "the country code, \"91\"", $"{Sample}, {KeyTable}"),
            Of("myoperator._se", "\"<circle>, IN\", e.g. \"DL, IN\"", $"{Sample}, {KeyTable}"),
            Of("myoperator._ts", "number, epoch seconds when the log was written (the call's end)", $"{Sample}, {KeyTable}"),
            Of("myoperator._st", "number, epoch seconds of the start", $"{Sample}, {KeyTable}"),
            Of("myoperator._ms", "number, epoch milliseconds of the start", $"{Sample}, {KeyTable}"),
            Of("myoperator._ss", "number, seconds of _st since UTC midnight", $"{Sample}, {KeyTable}"),
            Of("myoperator._et", "number, epoch seconds of the end", $"{Sample}, {KeyTable}"),
            Of("myoperator._dr", "HH:MM:SS of _et - _st", $"{Sample}, {KeyTable}"),
            Of("myoperator._drm", "number, the duration in minutes with two decimals", $"{Sample}, {KeyTable}"),
            Of("myoperator._ty", "number 1", Sample, "the log's type; only the sample's value is known"),
            Of("myoperator._ev", "number: 1 incoming | 2 outgoing", $"{Sample}, {KeyTable}"),
            Of("myoperator._su", "number: 1 connected | 2 missed | 3 voicemail", $"{Sample}, {KeyTable}"),
            Of(
                "myoperator._fn",
                "the recording's file name, 80 hex digits and .mp3, on connected calls; else null",
                $"{Sample}, {KeyTable}, {A}",
                "null on unrecorded calls is our reading"
            ),
            Of(
                "myoperator._fu",
                "the recording's URL, http://app.myoperator.co/audio/<name>, on connected calls; else null",
                $"{Sample}, {KeyTable}, {A}",
                "null on unrecorded calls is our reading; slashes escaped as \\/ as in the sample (reading slashes=plain)"
            ),
            Of("myoperator._dn", "the department's name, \"Support\"", $"{Sample}, {KeyTable}, {A}", "one department name for every call"),
            Of("myoperator._di", "16 hex digits: the department's id", $"{Sample}, {KeyTable}"),
            Of(
                "myoperator._pm",
                "list of {ky, vl}: the uid as ky \"ui\"",
                $"{Sample}, {KeyTable}",
                "the sample lists five more pairs (is, vt, ic, ia, ib) whose meaning is not documented; only ui is sent"
            ),
            Of("myoperator._pm[]", "object {ky, vl}", Sample),
            Of("myoperator._pm[].ky", "\"ui\"", Sample),
            Of("myoperator._pm[].vl", "the call's uid", Sample),
            Of(
                "myoperator._cn",
                "list of notes: empty",
                $"{Sample}, {KeyTable}",
                "the sample's notes are objects with text, author and time; no scenario adds one"
            ),
            Of("myoperator._us", "list of {ky: agent id, vl: action} per leg", $"{Sample}, {KeyTable}"),
            Of("myoperator._us[]", "object {ky, vl}", Sample),
            Of("myoperator._us[].ky", "the agent's id", Sample),
            Of("myoperator._us[].vl", "\"received\" | \"missed\"", Sample),
            Of("myoperator._ri", "a time-based UUID on OBD calls, else null", KeyTable),
            Of("myoperator._ji", "null", KeyTable),
            Of("myoperator._ivid", "16 hex digits: the IVR's id", KeyTable),
            Of("myoperator._cri", "the CRM's reference", KeyTable),
            Of(
                "myoperator._ld",
                "list of legs, one per agent dialed (a list even for one leg)",
                $"{Sample}, {KeyTable}, {ParserCode}",
                "public parsers read _ld._rr._na as if these were objects; the real ones are lists"
            ),
            Of("myoperator._ld[]", "object, one leg", Sample),
            Of("myoperator._ld[]._rst", "YYYY-MM-DD HH:MM:SS in UTC: the ring's start", Sample),
            Of("myoperator._ld[]._ds", "\"ANSWER\" | \"NOANSWER\" | \"CANCEL\"", $"{Sample}, {KeyTable}"),
            Of("myoperator._ld[]._did", "the DID in national digits", Sample),
            Of("myoperator._ld[]._rr", "list of the agents rung on the leg (a list even for one agent)", $"{Sample}, {ParserCode}"),
            Of("myoperator._ld[]._rr[]", "object, one agent", Sample),
            Of("myoperator._ld[]._rr[]._id", "16 hex digits: the agent's id", Sample),
            Of("myoperator._ld[]._rr[]._na", "the agent's name", Sample),
            Of("myoperator._ld[]._rr[]._em", "the agent's e-mail", Sample),
            Of("myoperator._ld[]._rr[]._ex", "the agent's extension", Sample),
            Of("myoperator._ld[]._rr[]._ct", "the agent's national ten digits", Sample),
            Of("myoperator._ld[]._rr[]._nr", "the agent in E.164", Sample),
            Of("myoperator._ld[]._tt", "list: empty", Sample, "its meaning is not documented; the sample's is empty"),
            Of("myoperator._ld[]._su", "\"1\" answered | \"2\" not answered", Sample),
            Of("myoperator._ld[]._st", "number, epoch seconds of the leg's start", Sample),
            Of("myoperator._ld[]._et", "number, epoch seconds of the leg's end", Sample),
            Of("myoperator._ld[]._dr", "HH:MM:SS of the leg", Sample),
            Of("myoperator._ld[]._ac", "\"received\" | \"missed\"", Sample),
        ]
    );
}
