using System.Text.Json;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Tests.Scenarios.Schema;

internal static class SchemaTestHelper
{
    public static IReadOnlyList<SchemaViolation> Validate(string schemaJson, string instanceJson)
    {
        var schema = JsonSchema.Parse(schemaJson);
        using var instance = JsonDocument.Parse(instanceJson);
        return schema.Validate(instance.RootElement);
    }

    public static SchemaViolation V(string pointer, string message) => new(pointer, message);
}
