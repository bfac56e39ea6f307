namespace CallHooks.Conformance.Listener;

/// <summary>
/// How the reference listener behaves. <see cref="Strict"/> is a correct listener that passes every conformance rule;
/// every other mode is one deliberate, realistic bug, so a test can prove that the rule meant to catch it does.
/// </summary>
public enum ListenerMode
{
    /// <summary>Correct: rejects missing or wrong credentials, accepts retries and late events, 4xx for unreadable bodies, answers fast.</summary>
    Strict,

    /// <summary>A request with no credential at all passes (the "only compare when present" bug); a wrong one is still refused.</summary>
    AcceptsMissingAuth,

    /// <summary>An exact re-delivery gets 500, as a listener that inserts every delivery under a unique key would.</summary>
    FailsDuplicates,

    /// <summary>Every webhook answer waits <see cref="ListenerOptions.SlowDelay"/> first, as a listener doing slow work inline would.</summary>
    Slow,

    /// <summary>Unreadable bodies (malformed JSON, wrong content type, empty body) get 500 instead of 4xx: the parser's exception escapes.</summary>
    ServerErrorOnMalformed,

    /// <summary>Answers 200 but keeps nothing: <c>/calls/{uid}</c> finds no call and nothing is pushed downstream.</summary>
    KeepsNoRecord,

    /// <summary>Keeps one record per call with its caller field empty and the raw payload beside it (a parser that reads the wrong key).</summary>
    StoresRawPayload,

    /// <summary>Creates a new record for every new event of a call (an insert where an update was meant); duplicates add none.</summary>
    RecordPerEvent,

    /// <summary>
    /// Pushes a new record to the CRM (a POST downstream) for every new event of a call instead of once at its finish, as a
    /// handler whose <c>if ($state = 3 || ...)</c> assigns where it meant to compare does. Its own records stay right.
    /// </summary>
    CreatesCrmRecordPerEvent,

    /// <summary>
    /// An After-Call handler that reads the legs as nested objects (<c>_ld._rr._na</c>, <c>_ld._rr._nr</c>) where the log
    /// has lists: it finds no agent, answers 200, and tells the CRM about every call with an empty agent.
    /// </summary>
    ReadsLegsAsObjects,

    /// <summary>
    /// Handles POST webhooks only: a GET, as a tenant who picks GET in the panel sends, crashes the handler that reads
    /// the body (500). What a <c>--matrix</c> sweep shows as one red column.
    /// </summary>
    FailsGet,

    /// <summary>Creates a new record for every delivery, duplicates and retries included.</summary>
    RecordPerDelivery,

    /// <summary>A call's first event creates its record; every later event updates the newest record, whatever its call.</summary>
    UpdatesNewestRecord,

    /// <summary>Reads unreadable bodies leniently: answers 200 and stores a phantom record under whatever uid it finds in them.</summary>
    StoresMalformed,

    /// <summary>A pass-through logger: answers 200 to every body, readable or not, and records only readable calls.</summary>
    PassesMalformed,

    /// <summary>
    /// Handles one webhook at a time, as a blocked event loop or a single worker does, and its first webhook blocks it for
    /// <see cref="ListenerOptions.BlockDelay"/> and then fails with 500: every webhook that arrives meanwhile waits behind it.
    /// </summary>
    BlocksThenFails,

    /// <summary>
    /// Calls the CRM inside the webhook handler and answers the provider only after it: a CRM that answers 5xx, breaks or
    /// takes longer than the push's 2 s timeout makes the webhook answer 502, as an awaited, unguarded CRM call does.
    /// </summary>
    WaitsForCrm,
}
