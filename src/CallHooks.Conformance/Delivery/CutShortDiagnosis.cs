using System.Globalization;
using System.Text;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// Names what happened when a connection ended before a complete response, from the bytes that did arrive:
/// none at all, bytes that are not HTTP, a chunked body whose framing is garbage, or an HTTP response cut short.
/// </summary>
internal static class CutShortDiagnosis
{
    /// <param name="prefix">The first bytes of the response, as many as were kept (the status line and headers at least).</param>
    /// <param name="received">How many bytes came in all.</param>
    public static ObservedFailure Diagnose(ReadOnlySpan<byte> prefix, long received)
    {
        if (received == 0)
            return new ObservedFailure(FailureKind.EmptyReply, "the listener closed the connection without sending a response");
        var text = Encoding.Latin1.GetString(prefix);
        if (!LooksLikeHttp(text))
            return new ObservedFailure(
                FailureKind.MalformedResponse,
                Invariant(
                    $"the response is not valid HTTP: the listener sent {received} byte(s) starting '{Printable(text)}', then closed the connection"
                )
            );
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
            return new ObservedFailure(
                FailureKind.ConnectionReset,
                Invariant(
                    $"connection reset before the response was complete: closed in the middle of the response headers after {received} byte(s)"
                )
            );
        var head = text[..headerEnd];
        if (head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var sizeLine = text[(headerEnd + 4)..].Split("\r\n")[0];
            if (sizeLine.Length > 0 && !char.IsAsciiHexDigit(sizeLine[0]))
                return new ObservedFailure(
                    FailureKind.MalformedResponse,
                    $"the response is not valid HTTP: the chunk size '{Printable(sizeLine)}' is not hexadecimal, then the connection closed"
                );
        }

        return new ObservedFailure(
            FailureKind.ConnectionReset,
            Invariant($"connection reset before the response was complete: the body was cut short after {received} byte(s) in all")
        );
    }

    /// <summary>True for any prefix of "HTTP/" too: a response cut after two bytes is still an attempt at HTTP.</summary>
    private static bool LooksLikeHttp(string text) =>
        text.Length >= 5 ? text.StartsWith("HTTP/", StringComparison.Ordinal) : "HTTP/".StartsWith(text, StringComparison.Ordinal);

    /// <summary>At most 24 characters, control characters shown as '.', so garbage stays readable on one line.</summary>
    private static string Printable(string text)
    {
        var cut = text.Length > 24 ? text[..24] + "…" : text;
        return new string(
            cut.Select(character => char.IsControl(character) || character > '~' && character != '…' ? '.' : character).ToArray()
        );
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
