using System.Text;
using CsCheck;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>Generators of text that is hard to carry: the characters with a meaning in URLs, forms, JSON and HTML, and beyond ASCII.</summary>
internal static class Text
{
    private const string Awkward = "+%&=;#?/\\\"'<>{}[]$ \t\r\n\0~*-._!()é中ß\u00a0\u2028\u200b";

    /// <summary>Any UTF-16 string, lone surrogates included.</summary>
    public static readonly Gen<string> AnyUtf16 = Gen.Frequency(
        (2, Gen.String[0, 24]),
        (3, Gen.Char[Awkward + "\ud800\udfff"].Array[0, 16].Select(chars => new string(chars))),
        (1, Gen.Select(Gen.String[0, 8], Gen.Const("\ud83d\ude42"), Gen.String[0, 8], (a, b, c) => a + b + c))
    );

    /// <summary>Well-formed Unicode: what a command line, an environment variable or generated call data can hold.</summary>
    public static readonly Gen<string> WellFormed = AnyUtf16.Select(ToWellFormed);

    /// <summary>Every lone surrogate replaced by U+FFFD, as UTF-8 encoders and the web platform do.</summary>
    public static string ToWellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>A string as base64 of its UTF-16 code units, so a lone surrogate survives the trip to node.</summary>
    public static string Utf16Base64(string text) => Convert.ToBase64String(Encoding.Unicode.GetBytes(text));

    /// <summary>A readable form of generated text for a failure report.</summary>
    public static string Show(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
}
