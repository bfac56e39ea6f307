using System.Diagnostics;
using System.Text;
using CallHooks.Conformance.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The mock CRM (<c>--downstream-port</c>): a WireMock.Net server on loopback. It answers as the user's CRM API does
/// when <c>--downstream-mappings</c> gives WireMock JSON mappings (created ids, 201, 409 on duplicates, errors, delays),
/// and 200 <c>{"ok":true}</c> to anything no mapping matches. Every request goes into a <see cref="DownstreamInbox"/>
/// when it arrives, and its answer when it has gone out, for the CRM rules and the reports.
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
        var inbox = new DownstreamInbox(time);
        // Ahead of WireMock.Net: a request is kept when it arrives, its answer when it has gone out.
        var server = LoopbackWireMock.Start(port, $"--downstream-port {port}: the mock CRM cannot listen", (context, next) =>
            KeepAsync(inbox, context, next)
        );

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
        inbox.Url = new Uri($"http://127.0.0.1:{server.Ports[0]}/crm");
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

    /// <summary>
    /// Keeps the request the moment it arrives (its raw path and query, the first 64 KB of its body) and its answer
    /// once it has been written: what went on the wire, a mapping's delay included. WireMock.Net's faults send a valid
    /// response too (an empty or garbled body), so the status written is the status kept.
    /// </summary>
    private static async Task KeepAsync(DownstreamInbox inbox, HttpContext context, Func<Task> next)
    {
        // The CRM's time counts from the request's arrival, its body's reading included.
        var clock = Stopwatch.StartNew();
        context.Request.EnableBuffering();
        var buffer = new byte[MaxBody];
        var filled = 0;
        int read;
        while (
            filled < buffer.Length
            && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(filled), context.RequestAborted).ConfigureAwait(false)) > 0
        )
            filled += read;
        context.Request.Body.Position = 0;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var request = inbox.Add(context.Request.Method, target, Encoding.UTF8.GetString(buffer, 0, filled));
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            request.Answered(context.Response.StatusCode, clock.Elapsed);
        }
    }
}
