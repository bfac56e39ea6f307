using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Fields;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Architecture;

/// <summary>Adding a provider touches more than its folder; this names, per provider, whatever it still lacks.</summary>
public sealed class ProviderChecklistTests
{
    [TestCaseSource(nameof(Providers))]
    public void Every_provider_has_everything_a_provider_needs(string name) =>
        Assert.That(ProviderChecklist.Problems(ProviderCatalog.Find(name)!), Is.Empty);

    [Test]
    public void Every_profile_in_the_assembly_can_be_found_by_the_catalog()
    {
        var profiles = typeof(IProviderProfile)
            .Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IProviderProfile).IsAssignableFrom(type));
        Assert.That(
            profiles.Where(type => type.GetConstructor(Type.EmptyTypes) is null).Select(type => type.Name),
            Is.Empty,
            "a profile without a public parameterless constructor is skipped silently"
        );
        Assert.That(ProviderCatalog.All.Select(profile => profile.GetType()), Is.EquivalentTo(profiles));
    }

    [Test]
    public void A_throwaway_provider_without_its_pieces_is_named_with_each_missing_one()
    {
        var problems = ProviderChecklist.Problems(new ThrowawayProfile());
        Assert.That(
            problems,
            Is.EqualTo(
                new[]
                {
                    "throwaway: no scenarios in scenarios/throwaway/",
                    "throwaway: not in the provider enum of scenarios/scenario.schema.json",
                    "throwaway: no endpoint of the reference listener serves /throwaway/ (its requests would fall through to the In-Call reader)",
                    "throwaway: no golden wire files in tests/CallHooks.Conformance.Tests/Golden/throwaway/",
                    "throwaway: its field table is empty",
                    "throwaway: no provider notes at docs/providers/throwaway.md",
                    "throwaway: no row in the README's provider table",
                }
            )
        );
    }

    [Test]
    public void A_profile_the_catalog_cannot_construct_is_named()
    {
        var problems = ProviderChecklist.Problems(new UnconstructibleProfile("twilio"));
        Assert.That(
            problems,
            Is.EqualTo(
                new[] { "twilio: UnconstructibleProfile has no public parameterless constructor, so ProviderCatalog never finds it" }
            )
        );
    }

    private static IEnumerable<string> Providers() => ProviderCatalog.All.Select(profile => profile.Name);

    /// <summary>A provider someone started: a profile and nothing else.</summary>
    private class ThrowawayProfile : IProviderProfile
    {
        public virtual string Name => "throwaway";

        public string Description => "a provider someone started";

        public TimeSpan TimeBudget => TimeSpan.FromSeconds(5);

        public IReadOnlyList<string> Methods => ["POST"];

        public IReadOnlyList<string> Encodings => ["json"];

        public string DefaultMethod => "POST";

        public string DefaultEncoding => "json";

        public IReadOnlyList<ProviderEvent> Events => [new("ring", "the phone rings")];

        public IReadOnlyList<MappableField> QueryFields => [];

        public virtual FieldTable Fields => FieldTable.Of([], []);

        public IReadOnlyList<string> Validate(WebhookConfig config) => [];

        public string CallId(Call call, WebhookConfig config) => call.Entropy;

        public WebhookRequest Build(StepContext context, WebhookConfig config) => new() { Method = "POST", Url = config.Target };
    }

    /// <summary>A complete provider's profile, but with a constructor the catalog cannot call.</summary>
    private sealed class UnconstructibleProfile(string name) : ThrowawayProfile
    {
        public override string Name => name;

        public override FieldTable Fields => ProviderCatalog.Find(name)!.Fields;
    }
}
