namespace CallHooks.Conformance.Providers;

/// <summary>The body's encoding: none on GET, else a form or JSON.</summary>
internal enum BodyEncoding
{
    None,
    Form,
    Json,
}
