using System.Globalization;
using System.Text;
using CsCheck;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>How a generated response marks where its body ends.</summary>
internal enum Framing
{
    ContentLength,
    Chunked,
    UntilClose,
}

/// <summary>
/// A response a listener may lawfully send, as a model: what a reader must make of it is read off the model, not off
/// the bytes, so the property compares the harness's reading with an answer worked out independently of any parser.
/// </summary>
internal sealed record GeneratedResponse(
    bool Http10,
    int Status,
    string Reason,
    (string Name, string Value)[] Headers,
    byte[] Body,
    Framing Framing,
    int[] ChunkSizes,
    string[] ChunkExtensions,
    (string Name, string Value)[] Trailers,
    int InterimAnswers,
    bool BareLineFeeds,
    int[] Pieces
)
{
    private static readonly Gen<string> Token = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#$%&'*+^`|~"]
        .Array[1, 12]
        .Select(chars => new string(chars));

    // Visible ASCII with spaces inside, never at either end: what a field value is once its surrounding space is trimmed.
    private static readonly Gen<string> FieldValue = Gen.Select(
        Gen.Char['!', '~'],
        Gen.Char[" !\"#$%&'()*+-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~"].Array[0, 30],
        Gen.Char['!', '~'],
        (first, middle, last) => first + new string(middle).Trim() + last
    );

    private static readonly Gen<int> BodyLength = Gen.Frequency(
        (6, Gen.Int[0, 300]),
        (2, Gen.Int[0, 5000]),
        (1, Gen.Int[Limit - 3, Limit + 3]),
        (1, Gen.Int[0, 80_000])
    );

    private const int Limit = CallHooks.Conformance.Delivery.WebhookDispatcher.MaxBodyBytes;

    public static readonly Gen<GeneratedResponse> Any =
        from framing in Gen.Enum<Framing>()
        from http10 in framing == Framing.Chunked ? Gen.Const(false) : Gen.Bool
        from status in Gen.Int[200, 599].Where(code => code is not (204 or 304))
        from reason in Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz "]
            .Array[0, 20]
            .Select(chars => new string(chars).Trim())
        from names in Token.Array[0, 6]
        from values in FieldValue.Array[names.Length]
        from length in BodyLength
        from body in Gen.Byte.Array[length]
        from chunkSizes in Gen.Int[1, 3000].Array[1, 8]
        from extensions in Gen.OneOf(Gen.Const(""), Token.Select(name => ";" + name), Token.Select(name => ";" + name + "=" + name)).Array[
            1,
            4
        ]
        from trailerNames in Token.Array[0, 2]
        from trailerValues in FieldValue.Array[trailerNames.Length]
        from interim in Gen.Int[0, 5]
        from bareLineFeeds in Gen.Bool
        from pieces in Gen.Int[1, 700].Array[0, 12]
        select new GeneratedResponse(
            http10,
            status,
            reason,
            // Names made unique (and unlike any known header) so the expected list needs no merging rules.
            names.Select((name, index) => ($"X-P{index}-{name}", values[index])).ToArray(),
            body,
            framing,
            chunkSizes,
            extensions,
            trailerNames.Select((name, index) => ($"X-T{index}-{name}", trailerValues[index])).ToArray(),
            interim,
            bareLineFeeds,
            pieces
        );

    /// <summary>The response's bytes, as the listener would write them.</summary>
    public byte[] Render()
    {
        var eol = BareLineFeeds ? "\n" : "\r\n";
        var head = new StringBuilder();
        for (var i = 0; i < InterimAnswers; i++)
            head.Append("HTTP/1.1 100 Continue").Append(eol).Append(eol);
        head.Append(Http10 ? "HTTP/1.0 " : "HTTP/1.1 ").Append(Status.ToString(CultureInfo.InvariantCulture));
        if (Reason.Length > 0)
            head.Append(' ').Append(Reason);
        head.Append(eol);
        foreach (var (name, value) in Headers)
            head.Append(name).Append(": ").Append(value).Append(eol);
        if (Framing == Framing.ContentLength)
            head.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append(eol);
        if (Framing == Framing.Chunked)
            head.Append("Transfer-Encoding: chunked").Append(eol);
        head.Append(eol);

        var bytes = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        if (Framing != Framing.Chunked)
        {
            bytes.AddRange(Body);
            return [.. bytes];
        }

        var offset = 0;
        for (var i = 0; offset < Body.Length; i++)
        {
            var size = Math.Min(ChunkSizes[i % ChunkSizes.Length], Body.Length - offset);
            var extension = ChunkExtensions[i % ChunkExtensions.Length];
            bytes.AddRange(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + extension + eol));
            bytes.AddRange(Body.AsSpan(offset, size).ToArray());
            bytes.AddRange(Encoding.ASCII.GetBytes(eol));
            offset += size;
        }

        var end = new StringBuilder("0").Append(eol);
        foreach (var (name, value) in Trailers)
            end.Append(name).Append(": ").Append(value).Append(eol);
        end.Append(eol);
        bytes.AddRange(Encoding.ASCII.GetBytes(end.ToString()));
        return [.. bytes];
    }

    /// <summary>A short description for a failing case: the model without the body's bytes.</summary>
    public override string ToString() =>
        $"{(Http10 ? "HTTP/1.0" : "HTTP/1.1")} {Status} '{Reason}', {Framing}, body {Body.Length} bytes, chunks [{string.Join(',', ChunkSizes)}], "
        + $"extensions [{string.Join(',', ChunkExtensions)}], headers [{string.Join(", ", Headers.Select(h => h.Name + ": " + h.Value))}], "
        + $"trailers {Trailers.Length}, interim {InterimAnswers}, {(BareLineFeeds ? "LF" : "CRLF")}, pieces [{string.Join(',', Pieces)}]";
}
