namespace CallHooks.Conformance.Providers.Fields;

/// <summary>How a <see cref="SourceKind"/> reads in tables and on the console.</summary>
internal static class SourceKindNames
{
    public static string Of(SourceKind kind) =>
        kind switch
        {
            SourceKind.LiveCapture => "live capture",
            SourceKind.VendorSample => "vendor sample",
            SourceKind.VendorDocumentation => "vendor documentation",
            SourceKind.Seed => "seed document",
            SourceKind.PublicCode => "public code",
            _ => "assumption",
        };
}
