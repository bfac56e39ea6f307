using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Running.Sweep;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running.Sweep;

/// <summary>The cells a --matrix sweep plays: what each profile can send, exclusions, readings one at a time, seeds per cell.</summary>
public sealed class ConfigurationSweepTests
{
    private static readonly IReadOnlySet<string> Configuration = new HashSet<string> { "method", "encoding", "auth", "signing" };

    private static WebhookConfig Bare() => new() { Target = Fixtures.Target };

    private static IReadOnlyList<string> Labels(
        string provider,
        IReadOnlySet<string> axes,
        WebhookConfig? config = null,
        params IReadOnlyDictionary<string, string>[] exclusions
    ) =>
        ConfigurationSweep
            .Expand(ProviderCatalog.Find(provider)!, config ?? Bare(), axes, exclusions, 42)
            .Select(cell => cell.Label)
            .ToList();

    [TestCase(
        "myoperator-incall",
        new[]
        {
            "method=POST · encoding=form · auth=none · signing=none",
            "method=POST · encoding=json · auth=none · signing=none",
            "method=GET · encoding=- · auth=none · signing=none",
        }
    )]
    [TestCase(
        "voipappz",
        new[] { "method=POST · encoding=json · auth=none · signing=none", "method=GET · encoding=- · auth=none · signing=none" }
    )]
    [TestCase("myoperator-v2", new[] { "method=POST · encoding=json · auth=none · signing=none" })]
    [TestCase("myoperator-aftercall", new[] { "method=POST · encoding=form · auth=none · signing=none" })]
    public void Every_method_and_encoding_the_profile_sends_is_a_cell_and_nothing_else(string provider, string[] expected) =>
        Assert.That(Labels(provider, Configuration), Is.EqualTo(expected));

    [Test]
    public void Credentials_given_are_swept_off_and_on_crossed_with_the_methods()
    {
        var config = Bare() with { Basic = new BasicCredentials("admin", "pw") };
        var cells = ConfigurationSweep.Expand(ProviderCatalog.Find("myoperator-incall")!, config, Configuration, [], 42);
        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Count.EqualTo(6));
            Assert.That(
                cells.Where(cell => cell.Label.Contains("auth=none", StringComparison.Ordinal)).Select(cell => cell.Webhook.Config.Basic),
                Is.All.Null
            );
            Assert.That(
                cells
                    .Where(cell => cell.Label.Contains("auth=as given", StringComparison.Ordinal))
                    .Select(cell => cell.Webhook.Config.Basic),
                Is.All.Not.Null
            );
        });
    }

    [Test]
    public void An_exclusion_drops_exactly_the_cells_matching_all_its_pairs()
    {
        var exclusion = new Dictionary<string, string> { ["method"] = "POST", ["encoding"] = "json" };
        Assert.That(
            Labels("myoperator-incall", new HashSet<string> { "method", "encoding" }, null, exclusion),
            Is.EqualTo(new[] { "method=POST · encoding=form", "method=GET · encoding=-" })
        );
    }

    [Test]
    public void Readings_vary_one_at_a_time_from_the_run_s_own_and_each_cell_sends_its_choice()
    {
        var config = Bare() with
        {
            Method = "POST",
            Encoding = "form",
            Options = new Dictionary<string, string> { ["users"] = "comma" },
        };
        var cells = ConfigurationSweep.Expand(
            ProviderCatalog.Find("myoperator-incall")!,
            config,
            new HashSet<string> { "readings" },
            [],
            42
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                cells.Select(cell => cell.Label),
                Is.EqualTo(new[] { "readings=as configured", "readings=clid=e164", "readings=users=array" })
            );
            Assert.That(
                cells[1].Webhook.Config.Options,
                Is.EquivalentTo(new Dictionary<string, string> { ["users"] = "comma", ["clid"] = "e164" })
            );
            Assert.That(cells[2].Webhook.Config.Options["users"], Is.EqualTo("array"));
            Assert.That(cells[2].Options, Is.EqualTo(new[] { "--method", "POST", "--encoding", "form", "--option", "users=array" }));
        });
    }

    [Test]
    public void Each_cell_has_a_seed_of_its_own_from_the_run_seed_and_its_label()
    {
        var first = ConfigurationSweep.Expand(ProviderCatalog.Find("myoperator-incall")!, Bare(), Configuration, [], 42);
        var again = ConfigurationSweep.Expand(ProviderCatalog.Find("myoperator-incall")!, Bare(), Configuration, [], 42);
        var other = ConfigurationSweep.Expand(ProviderCatalog.Find("myoperator-incall")!, Bare(), Configuration, [], 43);
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(cell => cell.Seed).Distinct().Count(), Is.EqualTo(first.Count));
            Assert.That(again.Select(cell => cell.Seed), Is.EqualTo(first.Select(cell => cell.Seed)));
            Assert.That(other.Select(cell => cell.Seed), Is.Not.EqualTo(first.Select(cell => cell.Seed)));
        });
    }
}
