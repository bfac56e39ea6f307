namespace CallHooks.Conformance.Listener;

/// <summary>The listener's log sink (<see cref="ListenerOptions.Log"/>), made safe: a failing sink never changes what a sender sees.</summary>
internal sealed class ListenerLog(Action<string>? sink)
{
    public void Write(string line)
    {
        try
        {
            sink?.Invoke(line);
        }
        catch (Exception)
        {
            // Swallowed on purpose: see the summary.
        }
    }
}
