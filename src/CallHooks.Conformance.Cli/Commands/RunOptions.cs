using System.CommandLine;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>The options of <c>callhooks run</c>. Values stay text here so that validation can name each problem in our words.</summary>
internal sealed class RunOptions
{
    public Option<string[]> Target { get; } =
        new("--target")
        {
            Description =
                "The listener URL to test (http or https); NAME=URL points one provider at its own URL (repeatable), a bare URL serves the others. Default: start the embedded reference listener on a free loopback port.",
            HelpName = "URL|NAME=URL",
        };

    public Option<string?> Panel { get; } =
        new("--panel")
        {
            Description =
                "Panel file: the provider's webhooks as code (URL, method, encoding, credentials from env:, events each receives). Default: ./callhooks.json when present; 'none' ignores it. 'callhooks init' writes one.",
            HelpName = "FILE",
        };

    public Option<string?> Matrix { get; } =
        new("--matrix")
        {
            Description =
                "Play every scenario under every configuration the provider supports: method, encoding, auth (off and as given), signing (off and as given); AXES limits them (e.g. method,encoding) and 'readings' sweeps each documented reading one at a time.",
            HelpName = "AXES",
            Arity = ArgumentArity.ZeroOrOne,
        };

    public Option<string[]> MatrixExclude { get; } =
        new("--matrix-exclude")
        {
            Description = "Drop the --matrix cells matching all these axis=value pairs, e.g. \"method=GET,encoding=json\"; repeatable.",
            HelpName = "AXIS=VALUE,...",
        };

    public Option<string?> Baseline { get; } =
        new("--baseline")
        {
            Description =
                "Compare with an earlier run (its results.json or folder): the reports show fixed, broken, still failing, new and gone cells first, and the exit code is 1 only for regressions.",
            HelpName = "PATH",
        };

    public Option<string?> KnownFailures { get; } =
        new("--known-failures")
        {
            Description =
                "A committed list of failures the team lives with, one per line, \"provider/scenario: why\" or \"RULE-ID provider/scenario: why\": shown as known and never failing the run.",
            HelpName = "FILE",
        };

    public Option<string?> LatencyRegression { get; } =
        new("--latency-regression")
        {
            Description = "With --baseline: an event whose p90 grew by more than this (and at least 5 ms) is a regression. Default 20%.",
            HelpName = "PERCENT",
        };

    public Option<string[]> Provider { get; } =
        new("--provider")
        {
            Description = "Provider profile(s) to play. Default: myoperator-incall. 'callhooks list' shows them.",
            HelpName = "NAME",
        };

    public Option<string[]> Scenario { get; } =
        new("--scenario")
        {
            Description = "Scenario name, or a path to a scenario .json file; repeatable. Default: the provider's whole suite.",
            HelpName = "NAME",
        };

    public Option<string?> Scenarios { get; } =
        new("--scenarios")
        {
            Description = "Folder of scenario files. Default: ./scenarios when present, else the suite shipped with callhooks.",
            HelpName = "DIR",
        };

    public Option<string?> Method { get; } =
        new("--method") { Description = "HTTP method the provider uses: GET or POST (profile default: POST).", HelpName = "GET|POST" };

    public Option<string?> Encoding { get; } =
        new("--encoding") { Description = "POST body encoding: form or json (profile default: form).", HelpName = "form|json" };

    public Option<string[]> Header { get; } =
        new("--header")
        {
            Description = "Custom header sent with every webhook, \"Name: value\"; repeatable. Values are secrets: never written out.",
            HelpName = "\"Name: value\"",
        };

    public Option<string?> Basic { get; } =
        new("--basic") { Description = "Basic auth credentials user:pass. The password is never written out.", HelpName = "USER:PASS" };

    public Option<string?> Secret { get; } =
        new("--secret")
        {
            Description = "Signing secret: Twilio's auth token, or a Standard Webhooks whsec_ key with --sign. Never written out.",
            HelpName = "SECRET",
        };

    public Option<string?> Sign { get; } =
        new("--sign")
        {
            Description = "Sign every request on top of the profile: standard-webhooks (needs --secret whsec_...).",
            HelpName = "SCHEME",
        };

    public Option<string?> SignatureTime { get; } =
        new("--signature-time")
        {
            Description =
                "Where --sign takes webhook-timestamp from: real (default; the clock at sending, as a provider signs, so real verifiers accept it whatever --now says) or call (the event's time in call time: byte-identical replays with --now).",
            HelpName = "real|call",
        };

    public Option<string?> Template { get; } =
        new("--template") { Description = "Body template file for providers whose panel takes one (acefone).", HelpName = "FILE" };

    public Option<string[]> Query { get; } =
        new("--query")
        {
            Description =
                "Map a query parameter to a call-log field, as in the provider's panel: name=field (e.g. caller_number=clid); repeatable.",
            HelpName = "NAME=FIELD",
        };

    public Option<string[]> ProfileOption { get; } =
        new("--option")
        {
            Description =
                "Profile-specific setting name=value, e.g. clid=e164 for myoperator-incall, api-key=KEY for myoperator-v2; repeatable.",
            HelpName = "NAME=VALUE",
        };

    public Option<string?> Seed { get; } =
        new("--seed")
        {
            Description =
                "Seed for generated data; the same seed and --now give byte-identical requests (signed ones with --signature-time call). Default: random, printed.",
            HelpName = "N",
        };

    public Option<string?> Now { get; } =
        new("--now")
        {
            Description = "Fix the clock at this ISO-8601 instant (e.g. 2026-01-15T09:30:00Z). Default: the real clock.",
            HelpName = "INSTANT",
        };

    public Option<string?> Timeout { get; } =
        new("--timeout")
        {
            Description = "Per-request timeout, e.g. 5s or 800ms. Default: the profile's time budget (5s for MyOperator).",
            HelpName = "DURATION",
        };

    public Option<string?> LateWindow { get; } =
        new("--late-window")
        {
            Description =
                "After a delivery times out, keep reading its connection this much longer to report what finally came (it still fails). Default: as long again as the timeout, at most until 60s after sending; 0 = stop at the timeout.",
            HelpName = "DURATION",
        };

    public Option<string?> Out { get; } =
        new("--out")
        {
            Description = "Folder for results.json and junit.xml. Default: reports/<UTC timestamp>/, copied to reports/latest/.",
            HelpName = "DIR",
        };

    public Option<string?> Suite { get; } =
        new("--suite")
        {
            Description = "Conformance rules to check: core (default), security, robustness or all. 'callhooks rules' lists them.",
            HelpName = "core|security|robustness|all",
        };

    public Option<string?> AuthReject { get; } =
        new("--auth-reject")
        {
            Description = "Statuses a listener must answer to missing or wrong credentials (default 401,403).",
            HelpName = "CODES",
        };

    public Option<string?> Fast { get; } =
        new("--fast") { Description = "The SHOULD budget for answering well inside the provider's (default 1s).", HelpName = "DURATION" };

    public Option<string?> VerifyUrl { get; } =
        new("--verify-url")
        {
            Description =
                "The listener's record of a call, with {uid} for the call id, e.g. http://127.0.0.1:8080/calls/{uid}; checked after each call.",
            HelpName = "URL",
        };

    public Option<string[]> VerifyField { get; } =
        new("--verify-field")
        {
            Description =
                "Where the record keeps a fact of the call, compared with the generated call: caller, status, agent or duration, and a JSON path, e.g. caller=$.client_number. Repeatable.",
            HelpName = "NAME=PATH",
            AllowMultipleArgumentsPerToken = false,
        };

    public Option<string?> RetrySpeedup { get; } =
        new("--retry-speedup")
        {
            Description = "How much faster than real time rule RETRY-001 replays provider retry schedules (default 10000; 1 = real time).",
            HelpName = "FACTOR",
        };

    public Option<string?> DownstreamPort { get; } =
        new("--downstream-port")
        {
            Description = "Host a mock CRM on this loopback port (0 = any free one) for the listener to push calls to.",
            HelpName = "N",
        };

    public Option<string?> DownstreamMappings { get; } =
        new("--downstream-mappings")
        {
            Description =
                "WireMock JSON mappings (a file or a folder of them) the mock CRM answers with, as your CRM API does: created ids, 201, 409, 500, delays. Implies --downstream-port 0 when no port is given.",
            HelpName = "PATH",
        };

    public Option<string?> ListenerMode { get; } =
        new("--listener-mode")
        {
            Description =
                "Without --target: run the embedded reference listener in this mode (strict, or a deliberate bug) to see which rules catch it.",
            HelpName = "MODE",
        };

    public Option<string?> Parallel { get; } =
        new("--parallel")
        {
            Description = "Calls played at the same time (events within a call stay in order). Default: 4.",
            HelpName = "N",
        };

    public Option<bool> Insecure { get; } =
        new("--insecure")
        {
            Description = "Accept any TLS certificate of an https target (self-signed, expired, wrong host). For test machines only.",
        };

    public Option<string?> Ca { get; } =
        new("--ca")
        {
            Description = "Trust the CA certificate(s) in this PEM or DER file for an https target, instead of the system's roots.",
            HelpName = "FILE",
        };

    public Option<string?> Calls { get; } =
        new("--calls")
        {
            Description = "Load mode: play this many calls (scenarios round robin, each with its own data). Needs --rate.",
            HelpName = "N",
        };

    public Option<string?> Rate { get; } =
        new("--rate")
        {
            Description = "Load mode: new calls per second, started on schedule whether or not earlier calls have finished.",
            HelpName = "R",
        };

    public Option<string?> Concurrency { get; } =
        new("--concurrency")
        {
            Description = "Load mode: at most this many calls in progress; due calls wait (and the wait counts in latency). Default: 100.",
            HelpName = "C",
        };

    public Option<string?> Duration { get; } =
        new("--duration")
        {
            Description = "Load mode: start calls for this long, e.g. 60s or 5m (with --calls, whichever ends first).",
            HelpName = "DURATION",
        };

    public Option<string?> Pace { get; } =
        new("--pace")
        {
            Description = "Load mode: factor on the scenarios' pauses, 0 to 1000 (0 = none, 0.1 = ten times faster). Default: 1.",
            HelpName = "FACTOR",
        };

    public Option<string[]> Threshold { get; } =
        new("--threshold")
        {
            Description = "Load mode: pass/fail limit, e.g. \"p99<500ms\", \"errors<0.1%\", \"rate>=95%\"; repeatable. Broken: exit 1.",
            HelpName = "LIMIT",
        };

    public IEnumerable<Option> All =>
        [
            Target,
            Panel,
            Matrix,
            MatrixExclude,
            Baseline,
            KnownFailures,
            LatencyRegression,
            Provider,
            Scenario,
            Scenarios,
            Method,
            Encoding,
            Header,
            Basic,
            Secret,
            Sign,
            SignatureTime,
            Template,
            Query,
            ProfileOption,
            Seed,
            Now,
            Timeout,
            LateWindow,
            Out,
            Parallel,
            Suite,
            AuthReject,
            Fast,
            VerifyUrl,
            VerifyField,
            RetrySpeedup,
            DownstreamPort,
            DownstreamMappings,
            ListenerMode,
            Insecure,
            Ca,
            Calls,
            Rate,
            Concurrency,
            Duration,
            Pace,
            Threshold,
        ];
}
