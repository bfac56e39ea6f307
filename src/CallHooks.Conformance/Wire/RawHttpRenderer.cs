using System.Buffers;
using System.Buffers.Text;

namespace CallHooks.Conformance.Wire;

/// <summary>
/// Renders a request as the HTTP/1.1 bytes the dispatcher puts on the wire: request line, Host, the
/// request's headers in order, Content-Type and Content-Length, a blank line, the body. Golden files hold
/// this rendering, a raw-socket test proves it equals what HttpClient would send, and the harness's transport
/// (<see cref="Delivery.WebhookDispatcher"/>) sends exactly these bytes.
/// </summary>
internal static class RawHttpRenderer
{
    public static byte[] Render(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = new ArrayBufferWriter<byte>(256 + request.Body.Length);
        if (!TryWrite(request, output, out var badHeader))
            throw new ArgumentException(
                $"the value of header '{badHeader}' is not ASCII; HTTP header values are sent as ASCII",
                nameof(request)
            );
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Appends the request's bytes to <paramref name="output"/>. Refuses (writing nothing useful) a header whose name or
    /// value is not ASCII, as HttpClient does: such bytes have no single meaning on the wire.
    /// </summary>
    /// <param name="badHeader">The name of the first header that is not ASCII, when false is returned.</param>
    public static bool TryWrite(WebhookRequest request, IBufferWriter<byte> output, out string? badHeader)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        badHeader = null;
        var url = request.Url;
        // The host as HttpClient writes it: punycode for an international name, brackets around an IPv6 address, which
        // loses its zone id (fe80::1%eth0 is sent as [fe80::1]: a zone means something only on the sending machine).
        var host = url.HostNameType == UriHostNameType.IPv6 ? "[" + url.IdnHost.Split('%')[0] + "]" : url.IdnHost;
        if (!Ascii(output, request.Method))
        {
            badHeader = "(request line)";
            return false;
        }

        Ascii(output, " ");
        Ascii(output, url.PathAndQuery);
        Ascii(output, " HTTP/1.1\r\nHost: ");
        Ascii(output, host);
        if (!url.IsDefaultPort)
        {
            Ascii(output, ":");
            Number(output, url.Port);
        }

        Ascii(output, "\r\n");
        foreach (var (name, value) in request.Headers)
        {
            if (!Ascii(output, name) || !Ascii(output, ": ") || !Ascii(output, value))
            {
                badHeader = name;
                return false;
            }

            Ascii(output, "\r\n");
        }

        if (request.HasBody)
        {
            Ascii(output, "Content-Type: ");
            if (!Ascii(output, request.ContentType))
            {
                badHeader = "Content-Type";
                return false;
            }

            Ascii(output, "\r\nContent-Length: ");
            Number(output, request.Body.Length);
            Ascii(output, "\r\n");
        }

        Ascii(output, "\r\n");
        output.Write(request.Body.Span);
        return true;
    }

    private static void Number(IBufferWriter<byte> output, int value)
    {
        Utf8Formatter.TryFormat(value, output.GetSpan(11), out var written);
        output.Advance(written);
    }

    private static bool Ascii(IBufferWriter<byte> output, string? text)
    {
        text ??= "";
        var span = output.GetSpan(text.Length);
        if (System.Text.Ascii.FromUtf16(text, span, out var written) != OperationStatus.Done)
            return false;
        output.Advance(written);
        return true;
    }
}
