namespace CallHooks.Conformance.Recordings;

/// <summary>
/// What a recorded request was recognized as: the provider profile and event whose generated request it resembles
/// most, the call it belongs to, and the sample it was matched with (for the call's type and outcome, and for
/// <c>fidelity</c>'s comparison).
/// </summary>
/// <param name="Recorded">The recorded request's payload, read once for recognition, import and fidelity alike.</param>
internal sealed record Recognition(ProfileSample Sample, PayloadView Recorded, string CallId, int SharedFields, int Fields)
{
    public string Provider => Sample.Profile.Name;

    public string Event => Sample.Step.Event;
}
