using System.Collections;
using System.Net.Http.Headers;

namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>
/// A response's headers as HttpClient would list them (its parsed view: known headers by their canonical names,
/// list headers one entry per value, response headers before content headers), so conformance and load runs report
/// the same thing. Worked out on first use: most load deliveries are only counted, never reported in full.
/// </summary>
internal sealed class ReceivedHeaders(ResponseHead head) : IReadOnlyList<KeyValuePair<string, string>>
{
    private List<KeyValuePair<string, string>>? parsed;

    public int Count => Parsed.Count;

    public KeyValuePair<string, string> this[int index] => Parsed[index];

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Parsed.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Two threads racing here compute the same list; either result is right.
    private List<KeyValuePair<string, string>> Parsed => parsed ??= Parse(head);

    private static List<KeyValuePair<string, string>> Parse(ResponseHead head)
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in head.Fields())
        {
            // A response header store refuses content headers, and the other way round.
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        }

        return Of(response);
    }

    /// <summary>Response and content headers of <paramref name="response"/> in order, one entry per value.</summary>
    public static List<KeyValuePair<string, string>> Of(HttpResponseMessage response)
    {
        var headers = new List<KeyValuePair<string, string>>(8);
        Add(response.Headers);
        Add(response.Content.Headers);
        return headers;

        void Add(HttpHeaders received)
        {
            foreach (var (name, values) in received)
            {
                foreach (var value in values)
                    headers.Add(KeyValuePair.Create(name, value));
            }
        }
    }
}
