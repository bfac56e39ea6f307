using System.Buffers.Text;
using System.Text;

namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>
/// A response's status line and header block, parsed as RFC 9112 says a client should: CRLF or a bare LF ends a line,
/// an obsolete line fold becomes a space, a header name is a token with no space before its colon, and Content-Length
/// values that disagree are an error. Anything else is <see cref="MalformedResponseException"/>.
/// </summary>
internal sealed class ResponseHead
{
    private ResponseHead(int status, string reason, bool http10, byte[] headerBlock)
    {
        Status = status;
        Reason = reason;
        Http10 = http10;
        HeaderBlock = headerBlock;
    }

    public int Status { get; }

    public string Reason { get; }

    public bool Http10 { get; }

    /// <summary>The header lines as received, after the status line; parsed into names and values only when asked.</summary>
    public byte[] HeaderBlock { get; }

    public BodyFraming Framing { get; private set; }

    public long ContentLength { get; private set; }

    /// <summary>False when the listener said Connection: close, or spoke HTTP/1.0 without keep-alive.</summary>
    public bool KeepAlive { get; private set; }

    /// <summary>Parses <paramref name="head"/>: everything before the blank line that ends the headers.</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf((byte)'\n');
        var statusLine = TrimCr(lineEnd < 0 ? head : head[..lineEnd]);
        var (status, reason, http10) = ParseStatusLine(statusLine);
        var block = lineEnd < 0 ? [] : head[(lineEnd + 1)..].ToArray();
        var response = new ResponseHead(status, reason, http10, block) { KeepAlive = !http10 };
        response.ReadFraming();
        return response;
    }

    /// <summary>Each header line of the block as (name, value), values trimmed and obsolete folds joined with a space.</summary>
    public List<(string Name, string Value)> Fields()
    {
        var fields = new List<(string Name, string Value)>(8);
        foreach (var line in HeaderLines(HeaderBlock))
        {
            if (IsFold(line))
            {
                var (name, value) = fields[^1];
                fields[^1] = (name, value + " " + Encoding.Latin1.GetString(Trim(line)));
                continue;
            }

            var colon = line.IndexOf((byte)':');
            fields.Add((Encoding.ASCII.GetString(line[..colon]), Encoding.Latin1.GetString(Trim(line[(colon + 1)..]))));
        }

        return fields;
    }

    private void ReadFraming()
    {
        var fields = default(FramingFields);
        if (ValidateLines())
        {
            // RFC 9112 section 5.2: an obsolete fold is replaced by a space before the field is interpreted. Rare, so
            // this path may allocate.
            foreach (var (name, value) in Fields())
                Interpret(Encoding.Latin1.GetBytes(name), Encoding.Latin1.GetBytes(value), ref fields);
        }
        else
        {
            foreach (var line in HeaderLines(HeaderBlock))
            {
                var colon = line.IndexOf((byte)':');
                Interpret(line[..colon], Trim(line[(colon + 1)..]), ref fields);
            }
        }

        // RFC 9112 section 6.3 point 3: both may be a request smuggling or response splitting attempt and "ought to be
        // handled as an error"; a provider's client that took either reading would be fooled by the other.
        if (fields.TransferEncoded && fields.Length is not null && Status is not (204 or 304))
            throw new MalformedResponseException("it has both Transfer-Encoding and Content-Length, which RFC 9112 treats as an error");

        // RFC 9112 section 6.3, in its order: no body for 204 and 304 (interim 1xx answers are skipped before this); a 101 hands the
        // connection to another protocol, so whatever follows is read to the close; chunked wins over a length; a
        // transfer coding other than chunked runs until close; then Content-Length; then until close.
        if (Status is 204 or 304)
            Framing = BodyFraming.None;
        else if (Status == 101)
            Framing = BodyFraming.UntilClose;
        else if (fields.Chunked)
            Framing = BodyFraming.Chunked;
        else if (fields.TransferEncoded || fields.Length is null)
            Framing = BodyFraming.UntilClose;
        else
        {
            Framing = BodyFraming.ContentLength;
            ContentLength = fields.Length.Value;
        }

        if (Framing == BodyFraming.UntilClose)
            KeepAlive = false;
    }

    /// <summary>Checks every line's shape; true when some line is an obsolete fold of the one before.</summary>
    private bool ValidateLines()
    {
        var first = true;
        var folded = false;
        foreach (var line in HeaderLines(HeaderBlock))
        {
            if (IsFold(line))
            {
                if (first)
                    throw new MalformedResponseException("the first header line starts with white space");
                folded = true;
                continue;
            }

            first = false;
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
                throw new MalformedResponseException($"the header line '{Printable(line)}' has no colon");
            var name = line[..colon];
            if (name.Length == 0)
                throw new MalformedResponseException($"the header line '{Printable(line)}' has no name before its colon");
            if (!IsToken(name))
                throw new MalformedResponseException($"the header name '{Printable(name)}' is not a token");
        }

        return folded;
    }

    private void Interpret(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, ref FramingFields fields)
    {
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            // RFC 9110 section 8.6: a list of identical values ("42, 42") may be taken as that one value.
            foreach (var item in ListItems(value))
            {
                if (!IsDigits(item) || !Utf8Parser.TryParse(item, out long parsed, out var used) || used != item.Length)
                    throw new MalformedResponseException($"the Content-Length '{Printable(value)}' is not a number");
                if (fields.Length is { } earlier && earlier != parsed)
                    throw new MalformedResponseException($"two Content-Length values disagree ({earlier} and {parsed})");
                fields.Length = parsed;
            }

            if (fields.Length is null)
                throw new MalformedResponseException("the Content-Length is empty");
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            fields.TransferEncoded = true;
            fields.Chunked = Ascii.EqualsIgnoreCase(LastCoding(value), "chunked"u8);
        }
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            foreach (var option in ListItems(value))
            {
                if (Ascii.EqualsIgnoreCase(option, "close"u8))
                    KeepAlive = false;
                else if (Ascii.EqualsIgnoreCase(option, "keep-alive"u8) && Http10)
                    KeepAlive = true;
            }
        }
    }

    private static (int Status, string Reason, bool Http10) ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (
            line.Length < 12
            || !line.StartsWith("HTTP/1."u8)
            || line[7] is not ((byte)'0' or (byte)'1')
            || line[8] != ' '
            || !IsDigits(line.Slice(9, 3))
            || line.Length > 12 && line[12] != ' '
        )
            throw new MalformedResponseException($"the status line '{Printable(line)}' is not 'HTTP/1.x NNN reason'");
        var status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        var reason = line.Length > 13 ? line[13..] : [];
        return (status, KnownReason(reason), line[7] == '0');
    }

    /// <summary>The common phrases without a new string per response.</summary>
    private static string KnownReason(ReadOnlySpan<byte> reason) =>
        reason switch
        {
            [] => "",
            [(byte)'O', (byte)'K'] => "OK",
            _ when reason.SequenceEqual("Created"u8) => "Created",
            _ when reason.SequenceEqual("Accepted"u8) => "Accepted",
            _ when reason.SequenceEqual("No Content"u8) => "No Content",
            _ => Encoding.Latin1.GetString(reason),
        };

    private static ReadOnlySpan<byte> LastCoding(ReadOnlySpan<byte> value)
    {
        var comma = value.LastIndexOf((byte)',');
        return Trim(comma < 0 ? value : value[(comma + 1)..]);
    }

    private static bool IsFold(ReadOnlySpan<byte> line) => line[0] is (byte)' ' or (byte)'\t';

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (var character in name)
        {
            if (!(char.IsAsciiLetterOrDigit((char)character) || "!#$%&'*+-.^_`|~".Contains((char)character, StringComparison.Ordinal)))
                return false;
        }

        return true;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t"u8);

    /// <summary>What the framing headers said, collected over all lines before the framing is decided.</summary>
    private struct FramingFields
    {
        public long? Length;
        public bool Chunked;
        public bool TransferEncoded;
    }

    /// <summary>The non-empty trimmed items of a comma-separated header value.</summary>
    private static Pieces ListItems(ReadOnlySpan<byte> value) => new(value, (byte)',', lines: false);

    /// <summary>The non-empty lines of a header block, each without its line end.</summary>
    private static Pieces HeaderLines(ReadOnlySpan<byte> block) => new(block, (byte)'\n', lines: true);

    /// <summary>
    /// The non-empty pieces of a span between separators: lines without their CR, or list items without the spaces
    /// and tabs around them.
    /// </summary>
    private ref struct Pieces(ReadOnlySpan<byte> text, byte separator, bool lines)
    {
        private ReadOnlySpan<byte> rest = text;

        public ReadOnlySpan<byte> Current { get; private set; }

        public readonly Pieces GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf(separator);
                var piece = end < 0 ? rest : rest[..end];
                Current = lines ? TrimCr(piece) : Trim(piece);
                rest = end < 0 ? [] : rest[(end + 1)..];
                if (!Current.IsEmpty)
                    return true;
            }

            return false;
        }
    }

    /// <summary>At most 40 characters, anything unprintable as '.', so an error message stays one readable line.</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, 40) + 1);
        foreach (var character in bytes[..Math.Min(bytes.Length, 40)])
            text.Append(character is >= 0x20 and < 0x7f ? (char)character : '.');
        return bytes.Length > 40 ? text.Append('…').ToString() : text.ToString();
    }
}
