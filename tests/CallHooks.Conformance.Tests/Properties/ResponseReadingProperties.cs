using System.Diagnostics;
using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Delivery.Http1;
using CallHooks.Conformance.Wire;
using CsCheck;

namespace CallHooks.Conformance.Tests.Properties;

/// <summary>
/// The response reader, by property: whatever a lawful response looks like and however the network splits it into
/// reads, the harness reads what the model says was sent; whatever garbage comes instead, it gives a classified
/// failure, never an exception, never a hang past the timeout, and never reads without bound. A failing case prints
/// its seed: replay it with <c>CsCheck_Seed=...</c>, and keep it as an example test.
/// </summary>
[Category("Property")]
public sealed class ResponseReadingProperties
{
    private const int Limit = WebhookDispatcher.MaxBodyBytes;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public Task A_lawful_response_is_read_as_sent_however_it_is_split() =>
        GeneratedResponse.Any.SampleAsync(
            async response =>
            {
                var observation = await InMemoryExchange.SendAsync(
                    new SplitStream(response.Render(), response.Pieces, stallAtEnd: false),
                    Timeout
                );
                Holds.True(observation.Failure is null, () => "failed: " + observation.Failure!.Message);
                var got = observation.Response!;
                var read = Math.Min(response.Body.Length, Limit + 1);
                Holds.Equal((response.Status, response.Reason), (got.Status, got.Reason), "status and reason");
                Holds.SequenceEqual(
                    response.Headers.Select(header => KeyValuePair.Create(header.Name, header.Value)),
                    got.Headers.Where(header => header.Key.StartsWith("X-", StringComparison.Ordinal)),
                    "headers"
                );
                Holds.Equal(((long)read, response.Body.Length > Limit), (got.BodyBytes, got.BodyTruncated), "body bytes read, truncated");
                Holds.True(got.Body == Encoding.UTF8.GetString(response.Body, 0, Math.Min(read, Limit)), () => "the body differs");
            },
            print: response => response.ToString()
        );

    private static readonly string[] Openings =
    [
        "",
        "HTTP/1.1 ",
        "HTTP/1.1 200 OK\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\n",
    ];

    [Test]
    public Task Garbage_is_a_classified_failure_never_an_exception_nor_a_hang() =>
        Gen.Select(Gen.Int[0, Openings.Length - 1], Gen.Byte.Array[0, 400], Gen.Int[1, 64].Array[0, 6], Gen.Int[0, 9])
            .SampleAsync(
                async (opening, garbage, pieces, stallDie) =>
                {
                    // One case in ten leaves the connection open after the garbage: the timeout must still end it.
                    var stall = stallDie == 0;
                    var timeout = stall ? TimeSpan.FromMilliseconds(50) : Timeout;
                    var bytes = Encoding.ASCII.GetBytes(Openings[opening]).Concat(garbage).ToArray();
                    var clock = Stopwatch.StartNew();
                    var observation = await InMemoryExchange.SendAsync(new SplitStream(bytes, pieces, stall), timeout);
                    Holds.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(10), () => $"still reading after {clock.Elapsed}");
                    if (observation.Response is { } response)
                    {
                        Holds.True(response.BodyBytes <= Limit + 1, () => $"{response.BodyBytes} body bytes read");
                        return;
                    }

                    var failure = observation.Failure!;
                    var classified = stall
                        ? new[] { FailureKind.MalformedResponse, FailureKind.Timeout }
                        : new[] { FailureKind.MalformedResponse, FailureKind.ConnectionReset, FailureKind.EmptyReply };
                    Holds.True(classified.Contains(failure.Kind), () => $"{failure.Kind}: {failure.Message}");
                    Holds.True(!failure.Message.Contains("Exception", StringComparison.Ordinal), () =>
                        "an exception's name: " + failure.Message
                    );
                },
                print: t =>
                    $"opening '{Openings[t.Item1]}', garbage [{Convert.ToHexString(t.Item2)}], pieces [{string.Join(',', t.Item3)}], stall {t.Item4 == 0}"
            );

    /// <summary>Answers that never end, in each place an answer can go on: the reading stops at a bound, whatever the listener sends.</summary>
    private static readonly (string Opening, string Repeated, FailureKind? Kind)[] Endless =
    [
        ("HTTP/1.1 200 OK\r\nX-Long: ", "a", FailureKind.MalformedResponse),
        ("HTTP/1.1 200 OK\r\n", "X-Many: header\r\n", FailureKind.MalformedResponse),
        ("", "HTTP/1.1 100 Continue\r\n\r\n", FailureKind.MalformedResponse),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1", "0", FailureKind.MalformedResponse),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;", "x", FailureKind.MalformedResponse),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\nz\r\n", null),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1;" + new string('e', 4000) + "\r\nz\r\n", null),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", "X-Trailer: again\r\n", null),
        ("HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n", "b", null),
        ("HTTP/1.1 200 OK\r\n\r\n", "c", null),
    ];

    [Test]
    public Task An_endless_answer_is_cut_off_after_a_bounded_read() =>
        Gen.Select(Gen.Int[0, Endless.Length - 1], Gen.Int[1, 5000].Array[0, 6])
            .SampleAsync(
                async (which, pieces) =>
                {
                    var (opening, repeated, kind) = Endless[which];
                    var stream = new EndlessStream(Encoding.ASCII.GetBytes(opening), Encoding.ASCII.GetBytes(repeated), pieces);
                    var observation = await InMemoryExchange.SendAsync(stream, Timeout);
                    // A body takes at most its wire limit, a head 64 KiB; the last read may bring a buffer's worth more.
                    var bound = Http1Connection.MaxBodyWireBytes + 256 * 1024;
                    Holds.True(stream.BytesRead <= bound, () => $"{stream.BytesRead} bytes read from an endless answer");
                    if (kind is null)
                        Holds.True(observation.Response?.BodyTruncated == true, () => "not truncated: " + observation.Failure?.Message);
                    else
                        Holds.Equal(kind, observation.Failure?.Kind, "failure kind (" + observation.Failure?.Message + ")");
                },
                print: t => $"'{Endless[t.Item1].Opening}' then '{Endless[t.Item1].Repeated}' forever, pieces [{string.Join(',', t.Item2)}]"
            );
}
