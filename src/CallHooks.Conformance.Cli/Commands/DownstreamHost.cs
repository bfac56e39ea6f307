using System.Collections.Specialized;
using System.Net;
using System.Text;
using CallHooks.Conformance.Rules;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The mock CRM (<c>--downstream-port</c>): a WireMock.Net server on loopback. It answers as the user's CRM API does
/// when <c>--downstream-mappings</c> gives WireMock JSON mappings (created ids, 201, 409 on duplicates, errors, delays),
/// and 200 <c>{"ok":true}</c> to anything no mapping matches. Every request and the answer it got go into a
/// <see cref="DownstreamInbox"/> for the CRM rules and the reports.
/// </summary>
internal sealed class DownstreamHost : IDisposable
{
    /// <summary>Bodies beyond this are cut: the CRM push is a small JSON, and the inbox must stay small.</summary>
    private const int MaxBody = 64 * 1024;

    /// <summary>WireMock.Net picks the mapping with the lowest priority number; the user's mappings come first.</summary>
    private const int CatchAllPriority = 1_000_000;

    private readonly WireMockServer server;

    private DownstreamHost(WireMockServer server, DownstreamInbox inbox)
    {
        this.server = server;
        Inbox = inbox;
    }

    public DownstreamInbox Inbox { get; }

    /// <param name="port">The loopback port; 0 for any free one.</param>
    /// <param name="mappings">Loaded WireMock mappings (<see cref="CrmMappings"/>); none answers 200 to everything.</param>
    public static DownstreamHost Start(int port, TimeProvider time, IReadOnlyList<CrmMapping> mappings)
    {
        WireMockServer server;
        try
        {
            server = WireMockServer.Start(
                new WireMockServerSettings
                {
                    // Port 0 lets the system pick, and WireMock.Net reports the port it got.
                    Urls = [$"http://127.0.0.1:{port}"],
                    Logger = new WireMockNullLogger(),
                    // The inbox keeps what the rules need; WireMock's own journal would only grow with a long run.
                    MaxRequestLogCount = 1000,
                }
            );
        }
        catch (WireMock.Exceptions.WireMockException e)
        {
            throw new UsageException($"--downstream-port {port}: the mock CRM cannot listen on 127.0.0.1:{port}: {Reason(e)}");
        }

        foreach (var mapping in mappings)
        {
            try
            {
                Register(server, mapping);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                server.Stop();
                server.Dispose();
                throw new UsageException($"{mapping.File}: WireMock.Net refused the mapping: {e.GetBaseException().Message}");
            }
        }

        server
            .Given(Request.Create().UsingAnyMethod())
            .AtPriority(CatchAllPriority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"ok\":true}"));

        var inbox = new DownstreamInbox(time) { Url = new Uri($"http://127.0.0.1:{server.Ports[0]}/crm") };
        server.LogEntriesChanged += (_, change) => Keep(inbox, change);
        return new DownstreamHost(server, inbox);
    }

    /// <summary>WireMock.Net reads its own dialect from text, and imports WireMock (Java)'s from a file.</summary>
    private static void Register(WireMockServer server, CrmMapping mapping)
    {
        if (mapping.Dialect == MappingDialect.WireMockNet)
        {
            server.WithMapping(mapping.Json);
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"callhooks-crm-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, mapping.Json);
        try
        {
            server.ReadStaticWireMockOrgMappingAndAddOrUpdate(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    /// <summary>WireMock.Net logs an exchange once its answer is decided (a mapping's delay included), before writing it.</summary>
    private static void Keep(DownstreamInbox inbox, NotifyCollectionChangedEventArgs change)
    {
        if (change.Action != NotifyCollectionChangedAction.Add || change.NewItems is null)
            return;
        foreach (var entry in change.NewItems.OfType<ILogEntry>())
        {
            if (entry.RequestMessage is not { } request)
                continue;
            var bytes = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "");
            var answeredIn = DateTime.UtcNow - request.DateTime;
            inbox.Add(
                new DownstreamRequest(
                    inbox.Time.GetUtcNow() - answeredIn,
                    request.Method,
                    new Uri(request.Url).PathAndQuery,
                    Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxBody)),
                    StatusOf(entry.ResponseMessage),
                    answeredIn < TimeSpan.Zero ? TimeSpan.Zero : answeredIn
                )
            );
        }
    }

    /// <summary>Kestrel's own words (\"address already in use\"), from inside WireMock.Net's wrapping.</summary>
    private static string Reason(Exception e) =>
        e.InnerException is AggregateException { InnerExceptions: [var first, ..] } ? first.Message : e.GetBaseException().Message;

    /// <summary>The status the CRM answered, or null for a fault that sends none (an empty or malformed response).</summary>
    private static int? StatusOf(WireMock.IResponseMessage? response)
    {
        if (response is null || response.FaultType is not FaultType.NONE && (response.FaultPercentage ?? 1) >= 1)
            return null;
        return response.StatusCode switch
        {
            int code => code,
            HttpStatusCode code => (int)code,
            string text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code) => code,
            _ => 200,
        };
    }
}
