using System.Text;
using Npgsql;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// The acceptance cases are data (Cases/&lt;case&gt;/, see Cases/README.md). For each one: build a database from
/// old.sql; analyze it against new.sql and compare the verdicts with expected.json
/// (<c>SCHEMAPLAN_UPDATE_GOLDEN=1</c> rewrites it); plan and render; run every file release by release with
/// app-old.sql and app-new.sql in between release 1's backfill and verify; require the re-plan to be empty, every
/// assertion to hold, no helper name to be truncated, and squawk to find nothing the file does not itself ignore.
/// </summary>
public sealed class AcceptanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => [.. AcceptanceCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_plan_reaches_the_new_schema_keeping_the_data(string name)
    {
        var @case = AcceptanceCase.Load(name);
        var config = @case.Config();
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(await File.ReadAllTextAsync(@case.OldSqlPath));

        // Verdicts.
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, @case.NewSqlPath, config);
        var planned = PlannedMigration.Create(analysis, config);
        var actual = Verdicts.Serialize(Verdicts.Of(planned.Plan));
        output.WriteLine("verdicts:\n" + actual);
        output.WriteLine("steps:\n" + planned.DescribeSteps());
        if (AcceptanceCase.UpdateGolden)
        {
            Verdicts.Write(@case.ExpectedPath, Verdicts.Of(planned.Plan));
        }
        else
        {
            Assert.True(File.Exists(@case.ExpectedPath), $"{name}: expected.json is missing; run with {AcceptanceCase.UpdateGoldenVariable}=1 to write it. It would be:\n{actual}");
            Assert.Equal(Verdicts.Canonical(await File.ReadAllTextAsync(@case.ExpectedPath)), actual);
        }

        // Golden files: the generated SQL, so a template or recipe change shows in review.
        GoldenFiles.Check(@case, planned.Steps);

        // Run the plan; both app versions write between release 1's backfill and its verify.
        var appOld = @case.Optional("app-old.sql");
        var appNew = @case.Optional("app-new.sql");
        var notices = await planned.RunAsync(database.ConnectionString, async release =>
        {
            if (release != 1)
            {
                return;
            }

            if (appOld is not null)
            {
                await PlannedMigration.RunStatementsAsync(database.ConnectionString, "app-old.sql", appOld);
            }

            if (appNew is not null)
            {
                await PlannedMigration.RunStatementsAsync(database.ConnectionString, "app-new.sql", appNew);
            }
        });

        // Helper names are made to fit 63 bytes: PostgreSQL never had to truncate one (which could merge two).
        Assert.DoesNotContain(notices, n => n.Contains("will be truncated", StringComparison.Ordinal));

        // The re-plan is empty: the database now is the new schema.
        var remaining = await PlannedMigration.RemainingAsync(database.ConnectionString, planned.Desired);
        Assert.True(remaining.Count == 0, $"{name}: diff(migrated, new) is not empty:\n{PlannedMigration.Describe(remaining)}\n\nsteps:\n{planned.DescribeSteps()}");
        var replan = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, @case.NewSqlPath, SchemaPlanner.Configuration.SchemaPlannerConfig.Empty);
        Assert.True(replan.Changes.Count == 0, $"{name}: the re-plan is not empty:\n{PlannedMigration.Describe(replan.Changes.Select(c => c.Change))}");

        // Data: every assertion holds.
        if (@case.Optional("assertions.sql") is { } assertions)
        {
            await AssertAllTrueAsync(name, database.ConnectionString, assertions);
        }

        // squawk: the files as written, and the same plan with the DDL outside the lock-timeout retry block
        // (squawk does not look inside DO bodies, so the wrapped files alone would pass trivially).
        await AssertSquawkCleanAsync(name, planned, analysis.Context.ServerVersionNumber);

        // The product's rehearsal, twice: on a copy of old.sql with its rows, and (as the CLI does) on a scratch copy
        // of the old schema filled with synthetic rows; both with the two app versions writing continuously on the
        // release timeline and every invariant checked at every step boundary.
        var input = new RehearsalInput(analysis.Current.Schema.Model, planned.Desired, planned.Plan.Changes.Select(c => c.Change).ToList(), config, PlanWriter.Executable(planned.Steps), StatementRenderer.BuiltIn);
        await using var scratch = new ScratchServer(server.ConnectionString);
        await using var withRows = await server.CreateDatabaseAsync(await File.ReadAllTextAsync(@case.OldSqlPath));
        var onRows = await PlanRehearsal.RunAsync(input, scratch, RehearsalOptionsForTests with { RehearseOn = withRows.ConnectionString }, CancellationToken.None);
        output.WriteLine(RehearsalText.Summary(onRows));
        var synthetic = await PlanRehearsal.RunAsync(input, scratch, RehearsalOptionsForTests, CancellationToken.None);
        output.WriteLine(RehearsalText.Summary(synthetic));
        Assert.True(onRows.Statements(AppVersion.Old) > 0, $"{name}: the old app version sent no traffic");
    }

    /// <summary>The product's defaults, with fewer synthetic rows so the suite stays quick on two cores.</summary>
    internal static RehearsalOptions RehearsalOptionsForTests { get; } = new() { RowsPerTable = 500 };

    private async Task AssertAllTrueAsync(string name, string connectionString, string assertions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var failures = new StringBuilder();
        foreach (var statement in SqlScript.Split("assertions.sql", assertions))
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            object? result;
            try
            {
                result = await command.ExecuteScalarAsync();
            }
            catch (PostgresException ex)
            {
                failures.Append(statement.Location).Append(": ").Append(ex.SqlState).Append(' ').Append(ex.MessageText).Append('\n').Append(statement.Text).Append('\n');
                continue;
            }

            if (result is not true)
            {
                failures.Append(statement.Location).Append(": returned ").Append(result is null or DBNull ? "NULL" : result).Append('\n').Append(statement.Text).Append('\n');
            }
        }

        Assert.True(failures.Length == 0, $"{name}: assertions failed:\n{failures}");
        output.WriteLine("assertions: all true");
    }

    private async Task AssertSquawkCleanAsync(string name, PlannedMigration planned, int serverVersionNumber)
    {
        var files = new List<LintedFile>();
        foreach (var step in planned.Steps)
        {
            files.Add(new LintedFile("wrapped/" + step.UpPath, step.Up, step.Step.Transactional));
            files.Add(new LintedFile("unwrapped/" + step.UpPath, PlannedMigration.Renderer.RenderUp(step.Step with { RetryOnLockTimeout = false }), step.Step.Transactional));
        }

        var findings = await SquawkLinter.LintAsync(files, serverVersionNumber);
        var byFile = files.ToDictionary(f => f.Path, f => SquawkLinter.IgnoredBy(f.Sql), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            output.WriteLine("squawk: " + finding + (byFile[finding.File].Contains(finding.Rule) ? " (ignored by the file)" : ""));
        }

        var unexpected = findings.Where(f => !byFile[f.File].Contains(f.Rule)).ToList();
        Assert.True(unexpected.Count == 0, $"{name}: squawk reports what the files do not ignore:\n{string.Join("\n", unexpected)}");

        // For the record: what the files' own squawk-ignore lines keep quiet.
        var stripped = files.Select(f => f with { Sql = SquawkLinter.WithoutIgnores(f.Sql) }).ToList();
        foreach (var finding in await SquawkLinter.LintAsync(stripped, serverVersionNumber))
        {
            output.WriteLine("squawk (kept quiet by the file's squawk-ignore): " + finding);
        }
    }
}
