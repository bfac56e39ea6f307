using System.Globalization;

namespace CallHooks.Conformance.Expectations;

/// <summary>Accepted status codes: whole classes (<c>2xx</c>) and exact codes (<c>204</c>).</summary>
internal sealed record StatusExpectation
{
    private StatusExpectation(IReadOnlyList<string> terms) => Terms = terms;

    /// <summary>The terms as written, e.g. <c>["2xx"]</c> or <c>["200", "204"]</c>.</summary>
    public IReadOnlyList<string> Terms { get; }

    public static StatusExpectation Success { get; } = new(["2xx"]);

    public bool Accepts(int status) =>
        Terms.Any(term =>
            term.EndsWith("xx", StringComparison.Ordinal)
                ? status / 100 == term[0] - '0'
                : status == int.Parse(term, CultureInfo.InvariantCulture)
        );

    public override string ToString() => string.Join(" or ", Terms);

    /// <summary>Parses one term: a class <c>1xx</c>..<c>5xx</c> or a code 100..599.</summary>
    public static bool TryParseTerm(string text, out string term, out string error)
    {
        term = text.Trim().ToLowerInvariant();
        var isClass = term.Length == 3 && term[0] is >= '1' and <= '5' && term.EndsWith("xx", StringComparison.Ordinal);
        var isCode = int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599;
        error = isClass || isCode ? "" : $"'{text}' is not a status: use a class such as 2xx or a code from 100 to 599";
        return error.Length == 0;
    }

    public static StatusExpectation Of(IEnumerable<string> terms)
    {
        var parsed = new List<string>();
        foreach (var text in terms)
        {
            if (!TryParseTerm(text, out var term, out var error))
                throw new ArgumentException(error, nameof(terms));
            parsed.Add(term);
        }

        if (parsed.Count == 0)
            throw new ArgumentException("A status expectation needs at least one term.", nameof(terms));
        return new StatusExpectation(parsed);
    }
}
