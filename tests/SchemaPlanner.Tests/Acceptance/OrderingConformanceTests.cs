using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tests.Planning;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Schema pairs whose changes only work in the order PostgreSQL's dependencies demand (<c>Acceptance/Ordering/CASE/old.sql,
/// new.sql</c>, names chosen so that name order and kind rank would get it wrong): a function whose signature uses a
/// table's or a view's row type, a domain over a domain with a CHECK calling a function, views over views when the
/// base table gains a column or the view's columns move, a unique constraint that becomes the primary key under a
/// foreign key, a materialized view dropped under a view, a renamed function parameter with dependents. Each goes
/// through the whole planner (every rendered file run on a database built from old.sql) and through the plain DDL;
/// both must end in the schema of new.sql, and diff(old, old) and diff(new, new) are empty.
/// </summary>
public sealed class OrderingConformanceTests(ITestOutputHelper output)
{
    private static string CasesFolder => Path.Combine(RepositoryPaths.RepositoryRoot(), "tests", "SchemaPlanner.Tests", "Acceptance", "Ordering");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(CasesFolder).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ordering_case_plain_ddl_reaches_new(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var diff = await DdlWriterConformanceTests.MigrateAsync(
            name,
            await File.ReadAllTextAsync(Path.Combine(folder, "old.sql")),
            await File.ReadAllTextAsync(Path.Combine(folder, "new.sql")),
            renames: null,
            verify: null);
        output.WriteLine(string.Join("\n", diff.Changes.Select(c => c.Describe())));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ordering_case_plan_reaches_new(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(await File.ReadAllTextAsync(Path.Combine(folder, "old.sql")));
        var config = SchemaPlannerConfig.Empty;
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, Path.Combine(folder, "new.sql"), config);
        Assert.NotEmpty(analysis.Changes);
        Assert.Empty(SchemaDiffer.Diff(analysis.Current.Schema.Model, analysis.Current.Schema.Model).Changes);
        Assert.Empty(SchemaDiffer.Diff(analysis.Desired.Schema.Model, analysis.Desired.Schema.Model).Changes);
        foreach (var change in analysis.Changes)
        {
            output.WriteLine($"{change.Change.Describe()} [{(change.Safe ? "safe" : "unsafe")}: {string.Join(", ", change.Hazards.Select(h => h.Rule + (h.Blocks ? "" : "(ok)")))}]");
        }

        PlannedMigration planned;
        try
        {
            planned = PlannedMigration.Create(analysis, config);
        }
        catch (SchemaPlannerException ex)
        {
            Assert.Fail($"{name}: planning failed: {ex.Message}");
            throw;
        }

        output.WriteLine("steps:\n" + planned.DescribeSteps());
        try
        {
            await planned.RunAsync(database.ConnectionString);
        }
        catch (SchemaPlannerException ex)
        {
            Assert.Fail($"{name}: running the plan failed: {ex.Message}\n\nsteps:\n{planned.DescribeSteps()}");
        }

        var remaining = await PlannedMigration.RemainingAsync(database.ConnectionString, planned.Desired);
        Assert.True(remaining.Count == 0, $"{name}: diff(migrated, new) is not empty:\n{PlannedMigration.Describe(remaining)}\n\nsteps:\n{planned.DescribeSteps()}");

        // The model read back carries the dependencies the order came from.
        var migrated = (await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None)).Model;
        Assert.Equal(planned.Desired.Dependencies, migrated.Dependencies);
    }
}
