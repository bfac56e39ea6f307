using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// A delivery past its budget fails, and callhooks keeps reading its connection a while to say what finally came: a late
/// 500 and a stuck listener need different fixes. Listeners here answer after a pause: that pause is what is tested.
/// </summary>
public sealed class LateAnswerTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task A_late_500_fails_the_delivery_at_the_budget_and_the_message_says_what_came_and_when()
    {
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            context.Response.StatusCode = 500;
        });
        var observation = await Send(listener, lateWindow: TimeSpan.FromSeconds(2));

        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), () => $"{observation}");
        Assert.That(observation.Response, Is.Null, () => $"{observation}");
        Assert.That(observation.LatencyMs, Is.EqualTo(300), "a delivery fails when its budget runs out");
        Assert.That(
            observation.Failure!.Message,
            Does.Match(
                @"^no complete response within 300ms \(waiting for the response headers\); answered 500 Internal Server Error after \d\.\d s, too late: the provider had given up$"
            )
        );
        Assert.That(observation.Late, Is.Not.Null);
        Assert.That(observation.Late!.StatusLine, Is.EqualTo("500 Internal Server Error"));
        Assert.That(observation.Late.Complete, Is.True);
        Assert.That(observation.Late.AfterMs, Is.InRange(650, 2300), "timers may fire a millisecond early");
        Assert.That(observation.AnsweredAfterMs, Is.EqualTo(observation.Late.AfterMs));
    }

    [Test]
    public async Task A_listener_that_stays_silent_is_read_until_the_window_ends_and_the_message_says_so()
    {
        await using var listener = await ScriptedListener.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var observation = await Send(listener, lateWindow: TimeSpan.FromMilliseconds(300));

        Assert.That(
            observation.Failure!.Message,
            Does.Match(
                @"^no complete response within 300ms \(waiting for the response headers\); still no answer after \d\.\d s, when callhooks stopped reading$"
            )
        );
        Assert.That(observation.Late!.StatusLine, Is.Null);
        Assert.That(observation.Late.Complete, Is.False);
        Assert.That(observation.AnsweredAfterMs, Is.Null);
    }

    [Test]
    public async Task Headers_in_time_and_a_body_that_never_ends_say_where_the_budget_found_them()
    {
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("partial"));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var observation = await Send(listener, lateWindow: TimeSpan.FromMilliseconds(200));

        Assert.That(
            observation.Failure!.Message,
            Does.Match(
                @"^no complete response within 300ms \(waiting for the response body; 200 OK came after \d+ ms, then 7 body byte\(s\)\); still no answer after \d\.\d s, when callhooks stopped reading$"
            )
        );
    }

    [Test]
    public async Task An_interruption_while_reading_on_keeps_the_timeout_the_delivery_already_earned()
    {
        await using var listener = await ScriptedListener.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var observation = await Send(listener, lateWindow: TimeSpan.FromSeconds(5), interrupt.Token);

        Assert.That(
            observation.Failure?.Kind,
            Is.EqualTo(FailureKind.Timeout),
            "past its budget the delivery has failed; the interruption only ended the reading"
        );
        Assert.That(observation.Failure!.Message, Is.EqualTo("no complete response within 300ms (waiting for the response headers)"));
        Assert.That(observation.Late, Is.Null);
    }

    [Test]
    public void The_default_window_is_the_budget_again_and_never_reaches_past_60_seconds_after_sending()
    {
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(5), null), Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(30), null), Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(45), null), Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(90), null), Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(5), TimeSpan.Zero), Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(LateReading.Until(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), Is.EqualTo(TimeSpan.FromSeconds(25)));
    }

    private static async Task<Observation> Send(
        ScriptedListener listener,
        TimeSpan lateWindow,
        CancellationToken cancellationToken = default
    )
    {
        using var dispatcher = WebhookDispatcher.ForConformance(TimeSpan.FromSeconds(2), TlsTrust.System, TimeProvider.System, lateWindow);
        return await dispatcher.SendAsync(
            new WebhookRequest
            {
                Method = "POST",
                Url = listener.BaseUrl,
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes("{}"),
            },
            Budget,
            cancellationToken
        );
    }
}
