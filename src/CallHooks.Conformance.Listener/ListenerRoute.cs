namespace CallHooks.Conformance.Listener;

/// <summary>
/// One webhook route of a panel (<c>callhooks serve --panel</c>): the path a CRM serves, the provider whose reader
/// takes it, the events it receives, and the route's own credentials. With routes, the listener serves exactly these
/// paths, as a CRM with one route per webhook does, and refuses an event sent to a route not subscribed to it.
/// </summary>
public sealed class ListenerRoute
{
    /// <summary>The path, e.g. <c>/in_call</c>; matched exactly, ignoring case and a trailing slash.</summary>
    public required string Path { get; init; }

    /// <summary>The provider whose reader takes the route's requests (e.g. <c>myoperator-aftercall</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's event ids the route receives; null for every event.</summary>
    public IReadOnlySet<string>? Events { get; init; }

    /// <summary>The route's custom header secret, as <see cref="ListenerOptions.RequiredHeaderName"/>; null for none.</summary>
    public string? RequiredHeaderName { get; init; }

    public string? RequiredHeaderValue { get; init; }

    /// <summary>The route's Basic credentials; null for none.</summary>
    public string? BasicUser { get; init; }

    public string? BasicPassword { get; init; }

    /// <summary>The route's signing secret; null for none.</summary>
    public string? Secret { get; init; }
}
