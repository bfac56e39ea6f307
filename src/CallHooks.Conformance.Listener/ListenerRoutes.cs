namespace CallHooks.Conformance.Listener;

/// <summary>
/// The panel's routes as the listener serves them: each path with its provider, events and its own credential checks.
/// Routes of one provider on the same path (every voipappz webhook object pointed at one URL) are one route taking
/// the union of their events, checked with the first one's credentials.
/// </summary>
internal sealed class ListenerRoutes
{
    private readonly Dictionary<string, Served> byPath;

    public ListenerRoutes(ListenerOptions options)
    {
        byPath = new Dictionary<string, Served>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in options.Routes.GroupBy(route => Normalize(route.Path), StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            var events = group.Any(route => route.Events is null)
                ? null
                : group.SelectMany(route => route.Events!).ToHashSet(StringComparer.Ordinal);
            var scoped = Scoped(options, first);
            byPath[group.Key] = new Served(
                group.Key,
                first.Provider,
                events,
                new AuthCheck(scoped),
                new Signing.StandardWebhooksCheck(scoped)
            );
        }
    }

    /// <summary>True when the listener serves a panel's routes rather than every provider's default paths.</summary>
    public bool Active => byPath.Count > 0;

    public Served? Find(string path) => byPath.GetValueOrDefault(Normalize(path));

    /// <summary>"/after_call, /in_call": what a 404 lists.</summary>
    public string Paths => string.Join(", ", byPath.Keys.Order(StringComparer.Ordinal));

    /// <summary>A trailing slash is the same route; case is not significant either, as most CRM routers treat it.</summary>
    public static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>The listener's options with a route's credentials in place of the listener-wide ones.</summary>
    private static ListenerOptions Scoped(ListenerOptions options, ListenerRoute route) =>
        new()
        {
            Mode = options.Mode,
            RequiredHeaderName = route.RequiredHeaderName,
            RequiredHeaderValue = route.RequiredHeaderValue,
            BasicUser = route.BasicUser,
            BasicPassword = route.BasicPassword,
            Secret = route.Secret,
            SignatureClock = options.SignatureClock,
            Clock = options.Clock,
        };

    /// <summary>One served route and its checks.</summary>
    internal sealed record Served(
        string Path,
        string Provider,
        IReadOnlySet<string>? Events,
        AuthCheck Auth,
        Signing.StandardWebhooksCheck Signatures
    );
}
