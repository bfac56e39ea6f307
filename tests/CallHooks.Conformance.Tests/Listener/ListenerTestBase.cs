using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>A fresh listener on a free loopback port for every test, so no test sees another's calls.</summary>
public abstract class ListenerTestBase
{
    internal static readonly DateTimeOffset ClockStart = new(2020, 8, 1, 8, 36, 0, TimeSpan.Zero);

    private ReferenceListener? listener;
    private HttpClient? client;

    internal ReferenceListener Listener => listener ?? throw new InvalidOperationException("not started");

    internal HttpClient Client => client ?? throw new InvalidOperationException("not started");

    internal ManualClock Clock { get; } = new(ClockStart);

    internal List<string> LogLines { get; } = [];

    [SetUp]
    public async Task StartListener()
    {
        // NUnit reuses one fixture instance for all its tests: reset what a test may have changed.
        LogLines.Clear();
        Clock.Now = ClockStart;
        var options = new ListenerOptions
        {
            Port = 0,
            Clock = Clock,
            Log = line =>
            {
                lock (LogLines)
                    LogLines.Add(line);
            },
        };
        Configure(options);
        listener = await ReferenceListener.StartAsync(options);
        client = new HttpClient { BaseAddress = listener.BaseUrl };
    }

    [TearDown]
    public async Task StopListener()
    {
        client?.Dispose();
        if (listener is not null)
            await listener.DisposeAsync();
    }

    /// <summary>Override to demand credentials or a header.</summary>
    internal virtual void Configure(ListenerOptions options) { }
}
