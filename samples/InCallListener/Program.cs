using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

// A MyOperator In-Call webhook listener as an integrator writes one: POST form with the call log JSON in the
// `myoperator` field, a shared secret header and Basic credentials, each call stored by its uid.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var token = app.Configuration["Listener:Token"] ?? "t0ken";
var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(app.Configuration["Listener:Basic"] ?? "admin:s3cret"));

// The deliberately broken variant: it fails the call's last event, as a handler with a bug in its end-of-call path does.
var broken = app.Configuration.GetValue<bool>("Listener:Broken");
var calls = new ConcurrentDictionary<string, List<string>>();

app.MapPost("/in_call", async (HttpRequest request) =>
{
    if (request.Headers["x-webhook-token"] != token || request.Headers.Authorization != basic)
        return Results.Unauthorized();
    if (!request.HasFormContentType)
        return Results.BadRequest("expected a form body");
    var form = await request.ReadFormAsync();
    if (form["myoperator"].FirstOrDefault() is not { } log)
        return Results.BadRequest("the form has no myoperator field");
    JsonElement call;
    try
    {
        call = JsonDocument.Parse(log).RootElement;
    }
    catch (JsonException)
    {
        return Results.BadRequest("myoperator is not JSON");
    }

    if (!call.TryGetProperty("uid", out var uid) || uid.GetString() is not { Length: > 0 } id)
        return Results.BadRequest("the call log has no uid");
    var state = call.TryGetProperty("call_state", out var value) ? value.GetString() ?? "" : "";
    if (broken && state == "2")
        return Results.StatusCode(500);
    calls.GetOrAdd(id, _ => []).Add(state);
    return Results.Ok("ok");
});

app.MapGet("/calls/{uid}", (string uid) => calls.TryGetValue(uid, out var states) ? Results.Ok(new { uid, states }) : Results.NotFound());

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
