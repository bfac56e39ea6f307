using CallHooks.Conformance.Reporting.Model;

namespace CallHooks.Conformance.Tests.Reporting;

public sealed class CompatibilityMatrixTests
{
    [Test]
    public void One_provider_gives_a_column_of_the_run_options_and_a_row_per_scenario()
    {
        var run = RunFixtures.Run([RunFixtures.Passing(), RunFixtures.FailingStatus()]);

        var matrix = CompatibilityMatrix.Of(run);

        // The fixture's options have no signing entry, so signing is no dimension; headers/query never are.
        Assert.That(matrix.Dimensions, Is.EqualTo(new[] { "method", "encoding", "auth" }));
        Assert.That(matrix.Columns.Select(column => column.Values), Is.EqualTo(new[] { new[] { "POST", "form", "header" } }));
        Assert.That(matrix.Rows.Select(row => row.Name), Is.EqualTo(new[] { "incoming-answered", "incoming-missed" }));
        Assert.That(matrix.Rows[0].Cells[0], Is.EqualTo(new MatrixCell([0], 1, 0, 4, 0)).Using<MatrixCell>(SameCell));
        Assert.That(matrix.Rows[1].Cells[0], Is.EqualTo(new MatrixCell([1], 0, 1, 2, 1)).Using<MatrixCell>(SameCell));
    }

    [Test]
    public void Several_providers_add_the_provider_dimension_and_share_rows_by_scenario_name()
    {
        var run = RunFixtures.Run([
            RunFixtures.Passing(),
            RunFixtures.Passing() with
            {
                Provider = RunFixtures.OtherProvider,
            },
            RunFixtures.TimingOut(),
        ]) with
        {
            Options = new Dictionary<string, string>
            {
                ["method"] = "POST",
                ["encoding"] = "json",
                ["auth"] = "basic",
                ["signing"] = "none",
                ["headers"] = "X-Token",
            },
        };

        var matrix = CompatibilityMatrix.Of(run);

        Assert.That(matrix.Dimensions, Is.EqualTo(new[] { "provider", "method", "encoding", "auth", "signing" }));
        Assert.That(
            matrix.Columns.Select(column => column.Values),
            Is.EqualTo(
                new[]
                {
                    new[] { "myoperator-incall", "POST", "json", "basic", "none" },
                    new[] { "exotel-passthru", "POST", "json", "basic", "none" },
                }
            )
        );
        Assert.That(matrix.Rows.Select(row => row.Name), Is.EqualTo(new[] { "incoming-answered", "slow-listener" }));
        Assert.That(matrix.Rows[0].Cells.Select(cell => cell?.Scenarios.Single()), Is.EqualTo(new int?[] { 0, 1 }));
        Assert.That(matrix.Rows[1].Cells[0], Is.Null, "slow-listener did not run for myoperator-incall");
        Assert.That(matrix.Rows[1].Cells[1]!.Failed, Is.EqualTo(1));
    }

    [Test]
    public void Repeated_calls_of_one_scenario_fall_into_one_cell_with_their_counts()
    {
        var run = RunFixtures.Run([
            RunFixtures.Passing(),
            RunFixtures.Passing(),
            RunFixtures.FailingStatus() with
            {
                Name = "incoming-answered",
            },
        ]);

        var cell = CompatibilityMatrix.Of(run).Rows.Single().Cells.Single()!;

        Assert.That(cell, Is.EqualTo(new MatrixCell([0, 1, 2], 2, 1, 10, 1)).Using<MatrixCell>(SameCell));
    }

    [Test]
    public void An_empty_run_has_no_rows()
    {
        var matrix = CompatibilityMatrix.Of(RunFixtures.Run([]));

        Assert.That(matrix.Rows, Is.Empty);
        Assert.That(matrix.Columns, Is.Empty);
    }

    private static bool SameCell(MatrixCell a, MatrixCell b) =>
        a.Scenarios.SequenceEqual(b.Scenarios)
        && (a.Passed, a.Failed, a.Deliveries, a.DeliveriesFailed) == (b.Passed, b.Failed, b.Deliveries, b.DeliveriesFailed);
}
