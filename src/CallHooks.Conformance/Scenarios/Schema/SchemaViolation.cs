namespace CallHooks.Conformance.Scenarios.Schema;

/// <summary>One way an instance fails its schema.</summary>
/// <param name="Pointer">RFC 6901 JSON pointer of the offending value: <c>""</c> is the root, <c>/events/2/after</c> a nested value.</param>
/// <param name="Message">A short, specific sentence that names the value, e.g. <c>unknown property 'evnt'</c>.</param>
internal sealed record SchemaViolation(string Pointer, string Message);
