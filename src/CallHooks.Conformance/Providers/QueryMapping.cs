namespace CallHooks.Conformance.Providers;

/// <summary>One panel mapping: query parameter <see cref="Name"/> carries call-log field <see cref="Field"/>.</summary>
/// <param name="Field">A mappable field id, or <c>const:VALUE</c> for a custom constant.</param>
internal sealed record QueryMapping(string Name, string Field);
