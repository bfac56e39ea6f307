using CallHooks.Conformance.Rules.Probes;

namespace CallHooks.Conformance.Rules;

/// <summary>
/// Every conformance rule, with the check behind it. Ids are stable: they appear in results.json, junit.xml and
/// reports, and users suppress or track them by id.
/// </summary>
internal static class RuleCatalog
{
    // Sources cite the notes this repository ships (docs/providers/), never documents a user of the tool does not have.
    private const string MyOperatorInCall = "MyOperator's In-Call webhook page (docs/providers/myoperator-incall.md)";
    private const string Retries =
        "each provider's retries: MyOperator v1 3 at 30 s, v2 from 30 s doubling to 2 h; Twilio 1; Acefone 2; Standard Webhooks a schedule with a stable webhook-id (docs/providers/)";

    private static readonly IReadOnlyList<RuleProbe> Probes =
    [
        new ScenarioExpectationsProbe(
            Must(
                "CORE-001",
                RuleSuite.Core,
                RuleJudges.Answer,
                "Every documented event of a call gets the answer the scenario expects (by default a 2xx)",
                "A provider treats any other answer as a failed delivery and retries or drops it",
                MyOperatorInCall + ": 'For each event, we invoke a webhook to your webhook listener'"
            )
        ),
        new LatencyProbe(
            Must(
                "TIME-001",
                RuleSuite.Core,
                RuleJudges.Answer,
                "Every delivery is answered within the provider's time budget",
                "Past it the provider counts the delivery as failed and retries (MyOperator 5 s, Twilio 15 s, Exotel 15 s, Acefone 30 s, Standard Webhooks 15 s)",
                "each provider's time budget (docs/providers/README.md, At a glance)"
            ),
            context => context.Profile.TimeBudget,
            "the provider's budget"
        ),
        new LatencyProbe(
            Should(
                "TIME-002",
                RuleSuite.Core,
                RuleJudges.Answer,
                "Every delivery is answered well inside the budget (default 1 s, --fast)",
                "Providers retry slow listeners and a slow answer delays the call flow; slow work belongs in a queue",
                "MyOperator's help pages: a reply slower than 5 s is retried (docs/providers/myoperator-incall.md)"
            ),
            context => context.Options.Fast,
            "the fast budget"
        ),
        new RecordProbe(
            Must(
                "SIDE-001",
                RuleSuite.Core,
                RuleJudges.Data,
                "After a call, the listener's record of it (--verify-url) exists and holds the call's caller (and, with --verify-field, its status, agent and duration)",
                "Answering 200 proves nothing if the call never reached the datastore, or reached it with the caller's field empty",
                MyOperatorInCall + ": 'Collect call data in the datastore at the client's end'"
            )
        ),
        new RecordCountProbe(
            Must(
                "SIDE-002",
                RuleSuite.Core,
                RuleJudges.Data,
                "One call makes one record: no event and no duplicate delivery adds a second one (the record count is read after every event)",
                "Providers send every state of a call and retry; a listener that inserts instead of updating double-counts calls",
                Retries
            )
        ),
        new DownstreamProbe(
            Must(
                "SIDE-003",
                RuleSuite.Core,
                RuleJudges.Data,
                "The listener pushes the call to the CRM within the scenario's time, with the caller's number",
                "The integration's job is the CRM update, not the 200",
                MyOperatorInCall + ": 'Invoking custom integrations like adding a lead in the CRM'"
            )
        ),
        new CrmRecordProbe(
            Should(
                "CRM-001",
                RuleSuite.Core,
                RuleJudges.Data,
                "One call makes one record in the CRM: later events update it, never create another",
                "A record per event fills the CRM with copies of one call; the assignment-for-comparison bug in a state check does exactly that",
                MyOperatorInCall + ": 'Invoking custom integrations like adding a lead in the CRM', once per call"
            )
        ),
        new CrmRequestsProbe(
            Must(
                "CRM-002",
                RuleSuite.Core,
                RuleJudges.Data,
                "The CRM receives the requests the scenario names, carrying the call's values (caller, agent, status, duration)",
                "A 200 proves nothing about the data: a handler that stores an empty agent or the wrong status still answers 200",
                MyOperatorInCall + ": 'Invoking custom integrations like adding a lead in the CRM'"
            )
        ),
        new CrmTroubleProbe(
            Must(
                "CRM-003",
                RuleSuite.Core,
                RuleJudges.Answer,
                "When the CRM answers 5xx or is slow (--downstream-mappings), the listener still answers the provider with a 2xx within its budget",
                "A handler that waits for the CRM turns a CRM outage into failed deliveries: the provider retries each one, and the CRM is called again",
                "each provider's time budget and retries (docs/providers/README.md); MyOperator's help pages: a reply slower than 5 s is retried (docs/providers/myoperator-incall.md)"
            )
        ),
        new AuthProbe(
            Must(
                "AUTH-001",
                RuleSuite.Security,
                RuleJudges.Answer,
                "A webhook without the configured credential is refused (401 or 403; Twilio also 400)",
                "Anyone on the internet can reach a webhook URL and forge calls",
                MyOperatorInCall
                    + ": custom header secret token and Basic credentials; Twilio: twilio-node's webhook() answers 400 when X-Twilio-Signature is missing"
            ),
            Credentials.Strip,
            "without credentials",
            missing: true
        ),
        new AuthProbe(
            Must(
                "AUTH-002",
                RuleSuite.Security,
                RuleJudges.Answer,
                "A webhook with a wrong credential is refused (401 or 403)",
                "Checking that a credential is present is not checking that it is right",
                MyOperatorInCall + ": 'check if the header has the secret token'"
            ),
            Credentials.Falsify,
            "with wrong credentials",
            missing: false
        ),
        new SignatureTamperProbe(
            Must(
                "SIG-001",
                RuleSuite.Security,
                RuleJudges.Answer,
                "A signed webhook whose content changed after signing is refused",
                "A listener that only checks that a signature header exists is as open as one that checks nothing",
                "Twilio webhook security (X-Twilio-Signature); Standard Webhooks specification (v1 signatures)"
            )
        ),
        new SignatureStaleProbe(
            Must(
                "SIG-002",
                RuleSuite.Security,
                RuleJudges.Answer,
                "A Standard Webhooks request signed with a timestamp older than 5 minutes is refused",
                "Without a freshness check a captured request can be replayed forever",
                "Standard Webhooks specification: verify the timestamp against a tolerance of 5 minutes"
            )
        ),
        new RetryScheduleProbe(
            Must(
                "RETRY-001",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "Every retry of an event on the provider's own schedule (compressed by --retry-speedup) gets a 2xx",
                "Providers retry when they miss an answer; each retry is the same event and must be accepted again",
                Retries
            )
        ),
        new SequenceProbe(
            Must(
                "DUP-001",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "A duplicate of any event (a provider retry) gets a 2xx again",
                "Retries of deliveries the provider thinks were lost are normal; a 4xx or 5xx makes it retry again or drop the call",
                Retries
            ),
            SequenceOrder.EachTwice,
            1
        ),
        new SequenceProbe(
            Must(
                "ORDER-001",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "Events out of order (the final one before the one before it) get a 2xx within the budget",
                "Deliveries travel in parallel and retries reorder them",
                "providers' retries and parallel delivery (docs/providers/) [inferred]"
            ),
            SequenceOrder.LastTwoSwapped,
            2
        ),
        new SequenceProbe(
            Must(
                "ORDER-002",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "A late retry of an early event, after the call ended, gets a 2xx",
                "A retry schedule of 30 s and more delivers old events after newer ones",
                Retries
            ),
            SequenceOrder.LateRetry,
            2
        ),
        new PayloadVariantProbe(
            Must(
                "ROB-001",
                RuleSuite.Robustness,
                RuleJudges.Answer,
                "Unknown extra fields are accepted",
                "Providers add fields without notice; a strict schema breaks on their next release",
                "MyOperator v2 envelope and provider changelogs [inferred]"
            ),
            PayloadVariantProbe.ExtraFields,
            "unknown extra fields"
        ),
        new PayloadVariantProbe(
            Must(
                "ROB-002",
                RuleSuite.Robustness,
                RuleJudges.Answer,
                "Missing optional fields are accepted",
                "Fields such as reference_id (OBD only) and job_id (nullable) are absent in many calls",
                "each provider's field table (docs/providers/): the fields it sends only on some calls"
            ),
            PayloadVariantProbe.WithoutOptional,
            "optional fields missing"
        ),
        new PayloadVariantProbe(
            Must(
                "ROB-003",
                RuleSuite.Robustness,
                RuleJudges.Answer,
                "Empty strings in optional fields are accepted",
                "Panels send empty values for unset fields",
                "each provider's field table (docs/providers/) [inferred]"
            ),
            PayloadVariantProbe.EmptyOptional,
            "optional fields empty"
        ),
        new PayloadVariantProbe(
            Must(
                "ROB-004",
                RuleSuite.Robustness,
                RuleJudges.Answer,
                "Non-Latin text (Devanagari, CJK, Arabic, emoji) is accepted",
                "Client reference ids and names come from CRMs in every script",
                "UTF-8 JSON (RFC 8259) [inferred]"
            ),
            PayloadVariantProbe.NonLatin,
            "non-Latin text"
        ),
        new PayloadVariantProbe(
            Must(
                "ROB-005",
                RuleSuite.Robustness,
                RuleJudges.Answer,
                $"Very long values ({Thousands(PayloadVariantProbe.LongLength)} characters; {Thousands(PayloadVariantProbe.LongQueryLength)} in a query string) are accepted",
                "Fixed-size columns and buffers truncate or crash on long values",
                "[inferred]"
            ),
            PayloadVariantProbe.VeryLong,
            "very long values"
        ),
        new BrokenBodyProbe(
            Must(
                "ROB-006",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "A malformed payload (truncated JSON) gets a 4xx, never a 5xx or a hang",
                "A 5xx tells the provider to retry a request that can never succeed",
                "HTTP semantics (RFC 9110: 4xx client error) [inferred]"
            ),
            BrokenBodyProbe.Truncated,
            "truncated body"
        ),
        new BrokenBodyProbe(
            Must(
                "ROB-007",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "A wrong content type gets a 4xx, never a 5xx or a hang",
                "The listener must not guess at bodies it does not understand",
                "HTTP semantics (RFC 9110: 415) [inferred]"
            ),
            BrokenBodyProbe.WrongContentType,
            "wrong content type"
        ),
        new BrokenBodyProbe(
            Must(
                "ROB-008",
                RuleSuite.Robustness,
                RuleJudges.AnswerAndData,
                "An empty body gets a 4xx, never a 5xx or a hang",
                "Proxies and broken retries deliver empty bodies",
                "HTTP semantics (RFC 9110) [inferred]"
            ),
            BrokenBodyProbe.Empty,
            "empty body"
        ),
    ];

    /// <summary>Rules checked once the whole run has played, across its calls.</summary>
    private static readonly IReadOnlyList<RunEndProbe> RunEndProbes =
    [
        new FinalRecordsProbe(
            Must(
                "SIDE-004",
                RuleSuite.Core,
                RuleJudges.Data,
                "At the end of the run every call's record (--verify-url) still holds its own caller and outcome",
                "A webhook that updates \"the newest record\" instead of its own call's passes every per-call check and corrupts the other calls' records",
                MyOperatorInCall + ": 'Collect call data in the datastore at the client's end'"
            )
        ),
    ];

    public static IReadOnlyList<Rule> All { get; } = [.. Probes.Select(probe => probe.Rule), .. RunEndProbes.Select(probe => probe.Rule)];

    public static Rule? Find(string id) => All.FirstOrDefault(rule => rule.Id == id);

    internal static IEnumerable<RuleProbe> Selected(RuleOptions options, string provider) =>
        Probes.Where(probe => options.Selects(probe.Rule) && probe.Rule.AppliesTo(provider));

    internal static IEnumerable<RunEndProbe> SelectedAtRunEnd(RuleOptions options) =>
        RunEndProbes.Where(probe => options.Selects(probe.Rule));

    private static string Thousands(int count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static Rule Must(string id, RuleSuite suite, RuleJudges judges, string title, string rationale, string source) =>
        new(id, RuleLevel.Must, suite, judges, title, rationale, source, []);

    private static Rule Should(string id, RuleSuite suite, RuleJudges judges, string title, string rationale, string source) =>
        new(id, RuleLevel.Should, suite, judges, title, rationale, source, []);
}
