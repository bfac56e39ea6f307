namespace CallHooks.Conformance.Providers.Fields;

/// <summary>What kind of evidence a field's name, type or values rest on, strongest first.</summary>
internal enum SourceKind
{
    /// <summary>Bytes a live account really sent (described, never a person's data).</summary>
    LiveCapture,

    /// <summary>An example payload the provider publishes.</summary>
    VendorSample,

    /// <summary>The provider's documentation: field tables, help pages.</summary>
    VendorDocumentation,

    /// <summary>One of the provider documents this product was created from.</summary>
    Seed,

    /// <summary>Public code that parses the provider's real traffic.</summary>
    PublicCode,

    /// <summary>No source exists: our own choice, written down with its reason.</summary>
    Assumption,
}
