namespace CallHooks.Conformance.Running.Sweep;

/// <summary>The axes <c>--matrix</c> sweeps, in the order cells name them.</summary>
internal static class SweepAxes
{
    public const string Method = "method";
    public const string Encoding = "encoding";
    public const string Auth = "auth";
    public const string Signing = "signing";
    public const string Readings = "readings";

    /// <summary>The value a cell holds on an axis that does not apply to it (a GET's encoding).</summary>
    public const string NotApplicable = "-";

    public static readonly IReadOnlyList<string> All = [Method, Encoding, Auth, Signing, Readings];

    /// <summary>What a cell's value names for the readings axis when it varies no reading: the run's own.</summary>
    public const string BaseReadings = "as configured";
}
