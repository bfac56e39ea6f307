namespace CallHooks.Conformance.Providers;

/// <summary>
/// The method and encoding a configuration sends with for one profile, resolved once from <c>--method</c>,
/// <c>--encoding</c> and the profile's defaults (after validation has accepted them), so no profile, rule or report
/// works out the defaults on its own.
/// </summary>
internal sealed record WireShape(WebhookMethod Method, BodyEncoding Encoding)
{
    public static WireShape Of(IProviderProfile profile, WebhookConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        var method = (config.Method ?? profile.DefaultMethod) == "GET" ? WebhookMethod.Get : WebhookMethod.Post;
        var encoding =
            method is WebhookMethod.Get ? BodyEncoding.None
            : (config.Encoding ?? profile.DefaultEncoding) == "json" ? BodyEncoding.Json
            : BodyEncoding.Form;
        return new WireShape(method, encoding);
    }

    public bool IsGet => Method is WebhookMethod.Get;

    /// <summary>The method as sent on the request line.</summary>
    public string MethodName => IsGet ? "GET" : "POST";

    /// <summary>The encoding as the command line and reports name it: <c>form</c>, <c>json</c>, or <c>none</c> on GET.</summary>
    public string EncodingName =>
        Encoding switch
        {
            BodyEncoding.Json => "json",
            BodyEncoding.Form => "form",
            _ => "none",
        };

    /// <summary>The Content-Type of the body; null on GET.</summary>
    public string? ContentType =>
        Encoding switch
        {
            BodyEncoding.Json => "application/json",
            BodyEncoding.Form => "application/x-www-form-urlencoded",
            _ => null,
        };
}
