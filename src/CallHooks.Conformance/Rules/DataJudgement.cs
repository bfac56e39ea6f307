namespace CallHooks.Conformance.Rules;

/// <summary>How a rule result judged the listener's data, if at all.</summary>
internal enum DataJudgement
{
    /// <summary>Not at all: the answer alone.</summary>
    None,

    /// <summary>The record was read and searched for the caller's number as text: a weak check (a raw payload stored beside an empty field passes).</summary>
    RecordText,

    /// <summary>The record was read and its fields compared (<c>--verify-field</c>) or its record count judged.</summary>
    Record,

    /// <summary>The listener's push to the mock CRM was checked.</summary>
    CrmPush,
}
