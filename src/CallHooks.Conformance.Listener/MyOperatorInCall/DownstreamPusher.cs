using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// Tells the CRM about each finished call, the side effect a real listener exists for: one JSON POST per call to
/// <see cref="ListenerOptions.DownstreamUrl"/>. Fire-and-forget for the webhook (its answer never waits for the CRM)
/// but observed: every outcome is logged, no failure escapes, and disposal waits for pushes still in flight.
/// </summary>
internal sealed class DownstreamPusher : IAsyncDisposable
{
    /// <summary>Short: a push that hangs must not pile up work behind it; the CRM can be asked again later.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly Uri? target;
    private readonly ListenerLog log;
    private readonly HttpClient? client;
    private readonly Lock gate = new();
    private readonly HashSet<Task> inFlight = [];

    public DownstreamPusher(Uri? target, ListenerLog log)
    {
        this.target = target;
        this.log = log;
        if (target is not null)
            client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = Timeout }) { Timeout = Timeout };
    }

    /// <summary>Starts the push for a call that has just finished and returns at once; a no-op without a downstream URL.</summary>
    public void CallFinished(InCallLog finish) => Push(finish.Uid, Body(finish));

    /// <summary>Starts a push of <paramref name="body"/> (JSON) for call <paramref name="uid"/> and returns at once; a no-op without a downstream URL.</summary>
    public void Push(string uid, byte[] body)
    {
        if (client is null)
            return;
        var push = Task.Run(() => PushAsync(client, uid, body));
        lock (gate)
            inFlight.Add(push);
        _ = push.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Pushes <paramref name="body"/> and waits for the CRM, as a handler that awaits its CRM call does: null when the CRM
    /// answered a 2xx (or no downstream URL is set), otherwise what went wrong.
    /// </summary>
    public async Task<string?> PushAndWaitAsync(string uid, byte[] body)
    {
        if (client is null)
            return null;
        var outcome = await PushAsync(client, uid, body).ConfigureAwait(false);
        return outcome.Succeeded ? null : outcome.Said;
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (gate)
            pending = [.. inFlight];
        await Task.WhenAll(pending).ConfigureAwait(false);
        client?.Dispose();
    }

    /// <summary>The body the CRM receives: the caller as E.164 (built from <c>clid_raw</c>, which always has the country code).</summary>
    internal static byte[] Body(InCallLog finish)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Replies.Plain))
        {
            json.WriteStartObject();
            json.WriteString("uid", finish.Uid);
            json.WriteString("caller", "+" + finish.ClidRaw);
            json.WriteString("status", finish.Status);
            json.WriteString("call_state", finish.CallState);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<(bool Succeeded, string Said)> PushAsync(HttpClient http, string uid, byte[] body)
    {
        var outcome = await TryPushAsync(http, body).ConfigureAwait(false);
        log.Write($"downstream push uid={uid}{(outcome.Succeeded ? ": " : " failed: ")}{outcome.Said}");
        return outcome;
    }

    private async Task<(bool Succeeded, string Said)> TryPushAsync(HttpClient http, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonType;
            using var response = await http.PostAsync(target, content).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (true, $"{status}") : (false, $"the CRM answered {status}");
        }
        catch (HttpRequestException e)
        {
            return (false, e.Message);
        }
        catch (OperationCanceledException)
        {
            return (false, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            // Nobody awaits a fire-and-forget push but disposal: anything else must become a log line too, never a crash.
            return (false, e.GetType().Name);
        }
    }

    private void Forget(Task push)
    {
        lock (gate)
            inFlight.Remove(push);
    }
}
