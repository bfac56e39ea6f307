using System.Globalization;
using System.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// Renders a request as the HTTP/1.1 bytes the dispatcher puts on the wire: request line, Host, the
/// request's headers in order, Content-Type and Content-Length, a blank line, the body. Golden files hold
/// this rendering, and a raw-socket test proves it equals what is really sent.
/// </summary>
public static class RawHttpRenderer
{
    public static byte[] Render(WebhookRequest request)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(request.Url.IsDefaultPort ? request.Url.Host : request.Url.Authority).Append("\r\n");
        foreach (var (name, value) in request.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (request.HasBody)
        {
            head.Append("Content-Type: ").Append(request.ContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(request.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var all = new byte[headBytes.Length + request.Body.Length];
        headBytes.CopyTo(all, 0);
        request.Body.Span.CopyTo(all.AsSpan(headBytes.Length));
        return all;
    }
}
