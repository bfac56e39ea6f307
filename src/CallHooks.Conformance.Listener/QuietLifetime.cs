using Microsoft.Extensions.Hosting;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// Replaces the console lifetime: an embedded listener must not grab Ctrl+C or print start-up banners;
/// the CLI that hosts it decides when it stops.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
