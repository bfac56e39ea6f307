using System.Globalization;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// How many calls the listener keeps, across every provider's reader: each new call takes one place, and once all are
/// taken a new call is refused with 503 (a delivery of a call already known is still read). So a listener that runs for
/// days, or is flooded with calls, holds bounded memory instead of growing without end.
/// </summary>
internal sealed class CallCapacity(int max)
{
    private int taken;

    public int Max => max;

    /// <summary>Takes a place for a new call; false when every place is taken.</summary>
    public bool TryTake()
    {
        while (true)
        {
            var seen = Volatile.Read(ref taken);
            if (seen >= max)
                return false;
            if (Interlocked.CompareExchange(ref taken, seen + 1, seen) == seen)
                return true;
        }
    }

    /// <summary>The answer to a new call once the listener is full: try again after a restart, never a 5xx for bad input.</summary>
    public Rejection Full =>
        new(
            503,
            string.Create(
                CultureInfo.InvariantCulture,
                $"the listener keeps at most {max} calls and is full; restart it, or start it with a larger --max-calls"
            )
        );
}
