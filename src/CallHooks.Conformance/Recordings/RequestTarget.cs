namespace CallHooks.Conformance.Recordings;

/// <summary>The path and query of a recorded URL, cut from its text.</summary>
internal static class RequestTarget
{
    /// <summary>
    /// <c>/hook?x=1</c> for <c>https://host:8080/hook?x=1#top</c>, and a path as it is; null for anything else. The
    /// text is cut rather than taken from <see cref="Uri.PathAndQuery"/>, which re-escapes characters and would change
    /// the bytes the provider sent. The fragment never reaches the server, so it is dropped.
    /// </summary>
    public static string? FromUrl(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
            url = url[..fragment];
        if (url.StartsWith('/'))
            return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOfAny(['/', '?'], afterScheme);
        if (pathStart < 0)
            return "/";
        var target = url[pathStart..];
        return target.StartsWith('?') ? "/" + target : target;
    }
}
