namespace CallHooks.Conformance.Providers.Readings;

/// <summary>One alternative of a <see cref="Reading"/>.</summary>
/// <param name="Value">What <c>--option ID=VALUE</c> names it, e.g. <c>e164</c>.</param>
/// <param name="Sends">What goes on the wire under it, e.g. <c>clid "+919711636496"</c>.</param>
/// <param name="Source">Where this reading comes from: a document, a sample or a capture described in docs/providers/.</param>
internal sealed record ReadingChoice(string Value, string Sends, string Source);
