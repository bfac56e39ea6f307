using System.Text.Json;

namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>One call-log field: a string, null (both in <see cref="Text"/>), or a list of strings in <see cref="Items"/>.</summary>
internal readonly record struct CallLogField(JsonEncodedText Name, string? Text, IReadOnlyList<string>? Items = null);
