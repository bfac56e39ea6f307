namespace CallHooks.Conformance.Providers.Fields;

/// <summary>One piece of evidence a profile cites, described in docs/providers/&lt;profile&gt;.md.</summary>
/// <param name="Id">A short id the field rows and readings cite, e.g. <c>v2-sample</c>.</param>
/// <param name="Title">What it is, in a user's words: "the vendor's call.summary sample (an incoming bridged call)".</param>
internal sealed record Source(string Id, SourceKind Kind, string Title)
{
    /// <summary>The one source id every profile may cite for a choice of its own: see <see cref="FieldTable.AssumptionSource"/>.</summary>
    public const string AssumptionId = "assumption";
}
