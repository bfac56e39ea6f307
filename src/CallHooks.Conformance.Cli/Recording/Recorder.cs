using System.Diagnostics;
using System.Net.Http.Headers;
using CallHooks.Conformance.Recordings;
using CallHooks.Conformance.Reporting;
using Microsoft.AspNetCore.Http.Features;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CallHooks.Conformance.Cli.Recording;

/// <summary>
/// <c>callhooks record</c>'s proxy: a WireMock.Net server on loopback whose one mapping forwards every request to the
/// listener and hands the listener's answer back, while each exchange (with its timing) goes into recording.json.
/// It forwards with its own callback rather than WireMock.Net's proxy mapping because that one answers a refused
/// forward with 500 (a proxy answers 502) and parses JSON and form bodies on the way; here the body bytes and the
/// listener's answer pass unchanged, and the file is rewritten whole after every exchange, so it is always complete.
/// </summary>
internal sealed class Recorder : IDisposable
{
    /// <summary>Hop-by-hop headers and those the HTTP stack sets itself: never copied across the proxy.</summary>
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host",
        "Content-Length",
        "Transfer-Encoding",
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "TE",
        "Upgrade",
        "Trailer",
    };

    private readonly WireMockServer server;
    private readonly HttpClient client;
    private readonly Uri forwardTo;
    private readonly RecordingMask mask;
    private readonly TimeProvider time;
    private readonly List<RecordedExchange> exchanges = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int? stopAfter;

    /// <summary>The request target exactly as it came (Kestrel's raw target), handed from the middleware to the callback.</summary>
    private readonly AsyncLocal<string?> rawTarget;

    private Recorder(
        WireMockServer server,
        Uri forwardTo,
        RecordingMask mask,
        string file,
        TimeProvider time,
        int? stopAfter,
        AsyncLocal<string?> rawTarget
    )
    {
        this.rawTarget = rawTarget;
        this.server = server;
        this.forwardTo = forwardTo;
        this.mask = mask;
        this.time = time;
        this.stopAfter = stopAfter;
        File = file;
        client = new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // Forwarded unchanged: no traceparent or other tracing header of our own on the way.
                ActivityHeadersPropagator = null,
            }
        )
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Where the provider sends: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{server.Ports[0]}/");

    /// <summary>The recording file, rewritten after every exchange.</summary>
    public string File { get; }

    public int Count
    {
        get
        {
            lock (gate)
                return exchanges.Count;
        }
    }

    /// <summary>Completes once <c>--count</c> exchanges are recorded; never without it.</summary>
    public Task Enough => enough.Task;

    /// <exception cref="UsageException">The port cannot be listened on.</exception>
    public static Recorder Start(int port, Uri forwardTo, RecordingMask mask, string outDirectory, TimeProvider time, int? stopAfter)
    {
        var raw = new AsyncLocal<string?>();
        // WireMock.Net sees the URL decoded (%2B as +); the raw target is what the provider sent.
        var server = Commands.LoopbackWireMock.Start(
            port,
            $"--port {port}: cannot listen",
            (context, next) =>
            {
                raw.Value = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
                return next();
            },
            settings =>
            {
                // The bytes as they came: WireMock.Net would otherwise parse JSON and form bodies and inflate gzip.
                settings.DisableJsonBodyParsing = true;
                settings.DisableDeserializeFormUrlEncoded = true;
                settings.DisableRequestBodyDecompressing = true;
                // A GET with a body is forwarded with it, as it came.
                settings.AllowBodyForAllHttpMethods = true;
            }
        );

        var recorder = new Recorder(server, forwardTo, mask, Path.Combine(outDirectory, "recording.json"), time, stopAfter, raw);
        try
        {
            Directory.CreateDirectory(outDirectory);
            recorder.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            recorder.Dispose();
            throw new UsageException($"--out {outDirectory}: cannot write the recording there: {e.Message}");
        }

        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(recorder.ForwardAsync));
        return recorder;
    }

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
        client.Dispose();
    }

    private async Task<IResponseMessage> ForwardAsync(IRequestMessage request)
    {
        var at = time.GetUtcNow();
        var target = rawTarget.Value ?? PathAndQuery(request.Url);
        var headers = Headers(request.Headers);
        var body = request.BodyAsBytes ?? [];
        var clock = Stopwatch.StartNew();
        RecordedResponse? answer = null;
        string? error = null;
        IResponseMessage reply;
        try
        {
            using var forward = Forward(request.Method, target, headers, body);
            using var response = await client.SendAsync(forward, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var answerHeaders = response
                .Headers.Concat(response.Content.Headers)
                .Where(header => !NotForwarded.Contains(header.Key))
                .SelectMany(header => header.Value.Select(value => new RecordedHeader(header.Key, value)))
                .ToList();
            answer = new RecordedResponse((int)response.StatusCode, answerHeaders, System.Text.Encoding.UTF8.GetString(bytes));
            reply = Reply((int)response.StatusCode, answerHeaders, bytes);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // What a proxy answers when the upstream cannot be reached (502) or does not answer in time (504).
            var timedOut = e is TaskCanceledException;
            error = timedOut
                ? $"the listener at {forwardTo} did not answer within {client.Timeout.TotalSeconds:0} s"
                : $"the listener at {forwardTo} could not be reached: {e.Message}";
            reply = Reply(
                timedOut ? 504 : 502,
                [new RecordedHeader("Content-Type", "text/plain; charset=utf-8")],
                System.Text.Encoding.UTF8.GetBytes("callhooks record: " + error + "\n")
            );
        }

        Keep(
            new RecordedExchange
            {
                Origin = $"exchange {Count + 1}",
                At = at,
                Method = request.Method,
                Target = target,
                Headers = headers,
                Body = body,
                Response = answer,
                Error = error,
                DurationMs = clock.Elapsed.TotalMilliseconds,
            }
        );
        return reply;
    }

    private HttpRequestMessage Forward(string method, string target, IReadOnlyList<RecordedHeader> headers, byte[] body)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), ForwardUrl(target));
        if (body.Length > 0 || !HttpMethods.IsGetOrHead(method))
            message.Content = new ByteArrayContent(body);
        foreach (var header in headers.Where(header => !NotForwarded.Contains(header.Name)))
            if (!message.Headers.TryAddWithoutValidation(header.Name, header.Value))
                message.Content?.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return message;
    }

    /// <summary>The listener's base URL with the recorded target appended: <c>--forward-to http://h/api</c> and <c>/hook?x=1</c> give <c>http://h/api/hook?x=1</c>.</summary>
    private Uri ForwardUrl(string target)
    {
        var basePath = forwardTo.GetComponents(UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var joined =
            forwardTo.GetLeftPart(UriPartial.Authority)
            + (basePath.Length > 0 ? "/" + basePath : "")
            + (target.StartsWith('/') ? target : "/" + target);
        return new Uri(joined, UriKind.Absolute);
    }

    private static ResponseMessage Reply(int status, IReadOnlyList<RecordedHeader> headers, byte[] body) =>
        new()
        {
            StatusCode = status,
            Headers = headers
                .GroupBy(header => header.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => new WireMockList<string>(group.Select(header => header.Value))),
            BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };

    private void Keep(RecordedExchange exchange)
    {
        lock (gate)
        {
            exchanges.Add(mask.Apply(exchange with { Origin = $"exchange {exchanges.Count + 1}" }));
            try
            {
                Save();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The provider still gets the listener's answer; the command ends and says the file is behind.
                enough.TrySetException(new UsageException($"{File}: cannot write the recording any more: {e.Message}"));
            }

            if (exchanges.Count >= stopAfter)
                enough.TrySetResult();
        }
    }

    /// <summary>The whole file again, through a rename: a reader or an interruption never sees half of it.</summary>
    private void Save() => AtomicFile.Write(File, stream => CallhooksRecording.Write(stream, mask.Url(forwardTo), mask.Said, exchanges));

    private static string PathAndQuery(string url)
    {
        var uri = new Uri(url);
        return uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
    }

    private static List<RecordedHeader> Headers(IDictionary<string, WireMockList<string>>? headers) =>
        headers is null ? [] : [.. headers.SelectMany(header => header.Value.Select(value => new RecordedHeader(header.Key, value)))];

    private static class HttpMethods
    {
        public static bool IsGetOrHead(string method) => method is "GET" or "HEAD";
    }
}
