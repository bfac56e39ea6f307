using CallHooks.Conformance.Input;

namespace CallHooks.Conformance.Recordings;

/// <summary>A recording, HAR or WireMock file that cannot be read, with the position of the problem.</summary>
internal sealed class RecordingFormatException(LocatedError error) : Exception(error.ToString())
{
    public LocatedError Error { get; } = error;
}
