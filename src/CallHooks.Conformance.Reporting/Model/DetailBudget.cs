using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Reporting.Model;

/// <summary>
/// Decides which deliveries keep their full request and response in the HTML report. Every failed delivery
/// does: that is what a reader opens the report for. Passing ones are a bounded sample, the first
/// <see cref="PassingLimit"/> in run order, so a run of 100,000 deliveries still makes a file a browser opens
/// quickly. Counts, times and statuses stay exact for every delivery; results.json keeps everything.
/// </summary>
internal sealed class DetailBudget
{
    public const int PassingLimit = 200;

    private readonly int passingLimit;
    private int passingKept;

    public DetailBudget(int passingLimit = PassingLimit) => this.passingLimit = passingLimit;

    /// <summary>Details kept so far, failures and sampled passes together.</summary>
    public int Kept { get; private set; }

    /// <summary>Call once per delivery, in run order.</summary>
    public bool Keep(DeliveryResult delivery)
    {
        if (delivery.Passed)
        {
            if (passingKept >= passingLimit)
                return false;
            passingKept++;
        }

        Kept++;
        return true;
    }
}
