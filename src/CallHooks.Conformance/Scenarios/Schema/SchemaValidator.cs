using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>Applies a compiled schema to an instance value and collects every issue, not just the first.</summary>
internal static class SchemaValidator
{
    public static void Validate(SchemaNode node, JsonElement value, string pointer, List<ValidationIssue> issues)
    {
        if (node.Always is { } always)
        {
            if (!always)
            {
                issues.Add(new(pointer, $"{ValueText.Describe(value)} is not allowed here"));
            }

            return;
        }

        // A value of the wrong type gets only the type error: "expected string, got number" says it
        // all, and enum/const complaints about the same value would just repeat it.
        if (node.Types is { } types && !types.Any(t => JsonTypes.Matches(value, t)))
        {
            issues.Add(ValidationIssue.TypeMismatch(pointer, types, JsonTypes.NameOf(value)));
            return;
        }

        if (node.Const is { } constant && !JsonElement.DeepEquals(value, constant))
        {
            issues.Add(new(pointer, $"expected {ValueText.Describe(constant)}, got {ValueText.Describe(value)}"));
        }

        if (node.Enum is { } members && !members.Any(m => JsonElement.DeepEquals(value, m)))
        {
            issues.Add(new(pointer, $"{ValueText.Describe(value)} is not one of: {string.Join(", ", members.Select(ValueText.Bare))}"));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                ValidateString(node, value, pointer, issues);
                break;
            case JsonValueKind.Number:
                ValidateNumber(node, value, pointer, issues);
                break;
            case JsonValueKind.Object:
                ValidateObject(node, value, pointer, issues);
                break;
            case JsonValueKind.Array:
                ValidateArray(node, value, pointer, issues);
                break;
        }

        if (node.Ref is not null)
        {
            Validate(node.Ref, value, pointer, issues);
        }

        if (node.AnyOf is { } anyOf)
        {
            var results = RunBranches(anyOf, value, pointer);
            if (!results.Any(r => r.Count == 0))
            {
                issues.AddRange(Closest(results, pointer));
            }
        }

        if (node.OneOf is { } oneOf)
        {
            var results = RunBranches(oneOf, value, pointer);
            var matched = Enumerable.Range(0, results.Count).Where(i => results[i].Count == 0).ToList();
            if (matched.Count == 0)
            {
                issues.AddRange(Closest(results, pointer));
            }
            else if (matched.Count > 1)
            {
                issues.Add(
                    new(
                        pointer,
                        $"matches more than one oneOf branch ({string.Join(", ", matched.Select(i => "#" + i))}); it must match exactly one"
                    )
                );
            }
        }
    }

    private static void ValidateString(SchemaNode node, JsonElement value, string pointer, List<ValidationIssue> issues)
    {
        if (node.Pattern is null && node.MinLength is null && node.MaxLength is null)
        {
            return;
        }

        if (!StringValue.TryGet(value, out var text))
        {
            issues.Add(new(pointer, "string contains an unpaired surrogate escape and cannot be checked"));
            return;
        }

        if (node.Pattern is { } pattern)
        {
            try
            {
                if (!pattern.IsMatch(text))
                {
                    issues.Add(new(pointer, $"{ValueText.Quote(text)} does not match pattern {node.PatternText}"));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                issues.Add(new(pointer, $"{ValueText.Quote(text)} took too long to match pattern {node.PatternText}"));
            }
        }

        // Lengths are in code points, as JSON Schema defines them: an emoji is one character, not two.
        var length = node.MinLength is null && node.MaxLength is null ? 0 : StringValue.CountCodePoints(text);
        if (length < node.MinLength)
        {
            issues.Add(new(pointer, $"{ValueText.Quote(text)} is shorter than {ValueText.Plural(node.MinLength.Value, "character")}"));
        }

        if (length > node.MaxLength)
        {
            issues.Add(new(pointer, $"{ValueText.Quote(text)} is longer than {ValueText.Plural(node.MaxLength.Value, "character")}"));
        }
    }

    private static void ValidateNumber(SchemaNode node, JsonElement value, string pointer, List<ValidationIssue> issues)
    {
        if (node.Minimum is { } minimum && JsonTypes.Compare(value, minimum) < 0)
        {
            issues.Add(new(pointer, $"{value.GetRawText()} is less than the minimum of {minimum.GetRawText()}"));
        }

        if (node.Maximum is { } maximum && JsonTypes.Compare(value, maximum) > 0)
        {
            issues.Add(new(pointer, $"{value.GetRawText()} is greater than the maximum of {maximum.GetRawText()}"));
        }
    }

    private static void ValidateObject(SchemaNode node, JsonElement value, string pointer, List<ValidationIssue> issues)
    {
        foreach (var name in node.Required ?? [])
        {
            if (!value.TryGetProperty(name, out _))
            {
                issues.Add(new(pointer, $"missing required property {ValueText.Quote(name)}"));
            }
        }

        if (node.Properties is null && node.AdditionalProperties is null)
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            var at = JsonPointer.Append(pointer, property.Name);
            if (node.Properties is not null && node.Properties.TryGetValue(property.Name, out var schema))
            {
                Validate(schema, property.Value, at, issues);
            }
            else if (node.AdditionalProperties is { Always: false })
            {
                // Said in terms of the name, not the value: the name is what is wrong (usually a typo).
                issues.Add(new(at, $"unknown property {ValueText.Quote(property.Name)}"));
            }
            else if (node.AdditionalProperties is not null)
            {
                Validate(node.AdditionalProperties, property.Value, at, issues);
            }
        }
    }

    private static void ValidateArray(SchemaNode node, JsonElement value, string pointer, List<ValidationIssue> issues)
    {
        var count = value.GetArrayLength();
        if (count < node.MinItems)
        {
            issues.Add(new(pointer, $"must have at least {ValueText.Plural(node.MinItems.Value, "item")}"));
        }

        if (count > node.MaxItems)
        {
            issues.Add(new(pointer, $"must have at most {ValueText.Plural(node.MaxItems.Value, "item")}"));
        }

        if (node.Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(items, item, JsonPointer.Append(pointer, index++), issues);
            }
        }
    }

    private static List<List<ValidationIssue>> RunBranches(IReadOnlyList<SchemaNode> branches, JsonElement value, string pointer) =>
        branches
            .Select(branch =>
            {
                var found = new List<ValidationIssue>();
                Validate(branch, value, pointer, found);
                return found;
            })
            .ToList();

    /// <summary>
    /// What to report when no branch matches. A branch that accepts the value's type is what the
    /// author most likely meant, so it wins over one that rejects the type outright; among those,
    /// the one with the fewest issues (first on a tie). If every branch rejects the type, one
    /// combined "expected string or array, got number" beats any single branch's complaint.
    /// </summary>
    private static IEnumerable<ValidationIssue> Closest(List<List<ValidationIssue>> results, string pointer)
    {
        if (results.All(r => r.Any(i => i.IsTypeMismatchAt(pointer))))
        {
            var mismatches = results.SelectMany(r => r.Where(i => i.IsTypeMismatchAt(pointer))).ToList();
            var expected = mismatches.SelectMany(i => i.ExpectedTypes!).Distinct(StringComparer.Ordinal).ToList();
            return [ValidationIssue.TypeMismatch(pointer, expected, mismatches[0].ActualType!)];
        }

        return results.OrderBy(r => r.Any(i => i.IsTypeMismatchAt(pointer)) ? 1 : 0).ThenBy(r => r.Count).First();
    }
}
