namespace CallHooks.Conformance.Providers;

/// <summary>The body's encoding: none on GET, else a form or JSON.</summary>
public enum BodyEncoding
{
    None,
    Form,
    Json,
}
