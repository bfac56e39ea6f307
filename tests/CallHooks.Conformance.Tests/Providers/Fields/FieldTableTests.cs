using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.Fields;

namespace CallHooks.Conformance.Tests.Providers.Fields;

/// <summary>
/// Every profile's field table against the bytes it sends: every field found on the wire in any shipped scenario, under
/// any method, encoding and reading, has a row, and every row is found on the wire; every row and every reading cites
/// sources the table declares, and a field resting on our own choice alone says what was assumed.
/// </summary>
public sealed class FieldTableTests
{
    private static IEnumerable<TestCaseData> Profiles() =>
        ProviderCatalog.All.Select(profile => new TestCaseData(profile.Name).SetName("Fields_" + profile.Name));

    [TestCaseSource(nameof(Profiles))]
    public void Every_field_on_the_wire_has_a_row_and_every_row_is_on_the_wire(string name)
    {
        var profile = ProviderCatalog.Find(name)!;
        var observed = ObservedFields.Of(profile);
        var rows = profile.Fields.Rows.Select(row => row.Path).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                observed.Keys.Where(path => !rows.Contains(path)),
                Is.Empty,
                $"{name} sends fields its table does not name (add a row with its source to the profile's field table)"
            );
            Assert.That(
                rows.Where(path => !observed.ContainsKey(path)),
                Is.Empty,
                $"{name}'s table names fields no shipped scenario sends (remove the row, or add the scenario that sends it)"
            );
            Assert.That(rows, Is.Unique);
        });
    }

    [TestCaseSource(nameof(Profiles))]
    public void Every_row_and_reading_cites_declared_sources_and_every_assumption_says_what_it_assumes(string name)
    {
        var profile = ProviderCatalog.Find(name)!;
        var table = profile.Fields;
        var declared = table.Sources.Select(source => source.Id).ToHashSet(StringComparer.Ordinal);
        var cited = table
            .Rows.SelectMany(row => row.Sources)
            .Concat(
                profile
                    .Readings.SelectMany(reading => reading.Choices)
                    .SelectMany(choice => choice.Source.Split(',', StringSplitOptions.TrimEntries))
            )
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(table.Rows.Where(row => row.Sources.Count == 0).Select(row => row.Path), Is.Empty, "rows without a source");
            Assert.That(cited.Where(id => !declared.Contains(id)).Distinct(), Is.Empty, "cited ids the table does not declare");
            Assert.That(
                table.Rows.Where(row => row.Sources.Contains(Source.AssumptionId) && row.Note.Length == 0).Select(row => row.Path),
                Is.Empty,
                "a field that rests on an assumption must say in its note what is assumed"
            );
            Assert.That(table.Rows.Where(row => row.Shape.Length == 0).Select(row => row.Path), Is.Empty, "rows without a type and values");
            Assert.That(
                profile
                    .Readings.Where(reading => reading.Choices.All(choice => choice.Value != reading.Default))
                    .Select(reading => reading.Id),
                Is.Empty,
                "a reading whose default is none of its choices"
            );
            Assert.That(profile.Readings.Select(reading => reading.Id), Is.Unique);
        });
    }
}
