using Bogus;
using CallHooks.Conformance.Generation;

namespace CallHooks.Conformance.Tests.Generation;

/// <summary>
/// The cheap e-mail must be Bogus's <c>Internet.Email</c> character for character and leave the Randomizer where Bogus
/// leaves it, or every seed would generate different agents than before (and than the golden files).
/// </summary>
public sealed class AgentEmailsTests
{
    [Test]
    public void Equals_Bogus_for_the_locale_names_and_leaves_the_stream_in_the_same_place()
    {
        var ours = new Faker("en_IND");
        var bogus = new Faker("en_IND");
        for (var seed = 0; seed < 3000; seed++)
        {
            ours.Random = new Randomizer(seed);
            bogus.Random = new Randomizer(seed);
            var first = ours.Name.FirstName();
            var last = ours.Name.LastName();
            Assert.That(bogus.Name.FirstName(), Is.EqualTo(first));
            Assert.That(bogus.Name.LastName(), Is.EqualTo(last));

            Assert.That(
                AgentEmails.Email(ours, first, last, "example.com"),
                Is.EqualTo(bogus.Internet.Email(first, last, "example.com")),
                $"seed {seed}"
            );
            Assert.That(ours.Random.Number(0, 1_000_000), Is.EqualTo(bogus.Random.Number(0, 1_000_000)), $"next draw, seed {seed}");
        }
    }

    // Names the en_IND tables never give, so that transliteration, the slug's removals and its diacritics step all act.
    [TestCase("Zoë", "Ñandú-Pérez")]
    [TestCase("Ærøskøbing", "D'Souza")]
    [TestCase("Mary Ann", "Van der Berg")]
    [TestCase("Σωκράτης", "Пушкин")]
    [TestCase("José", "O'Brien+Tag")]
    public void Equals_Bogus_for_names_that_need_transliterating_and_slugifying(string first, string last)
    {
        var ours = new Faker("en_IND");
        var bogus = new Faker("en_IND");
        for (var seed = 0; seed < 50; seed++)
        {
            ours.Random = new Randomizer(seed);
            bogus.Random = new Randomizer(seed);
            Assert.That(
                AgentEmails.Email(ours, first, last, "example.com"),
                Is.EqualTo(bogus.Internet.Email(first, last, "example.com")),
                $"seed {seed}"
            );
        }
    }
}
