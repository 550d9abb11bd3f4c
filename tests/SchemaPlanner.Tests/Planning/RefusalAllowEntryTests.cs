using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Planned = SchemaPlanner.Tests.Acceptance.PlannedMigration;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A plan that stops says which <c>allow</c> entry lets the change through, exactly: pasting it into
/// schemaplan.json makes the same plan go through (the change as-is).
/// </summary>
public sealed class RefusalAllowEntryTests
{
    [Fact]
    public async Task A_backfill_that_has_no_key_and_no_tid_range_scans_names_the_allow_entry_that_applies_it_as_is()
    {
        // A partitioned parent without a primary key or a unique NOT NULL index: no keyset; its partitions' blocks
        // are walked by TID range scans on PostgreSQL 14+, so only a plan for an older server is refused.
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("""
            CREATE TABLE events (day date NOT NULL, payload text NOT NULL) PARTITION BY RANGE (day);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            INSERT INTO events SELECT date '2024-01-01' + g % 300, 'p' || g FROM generate_series(1, 100) g;
            """);
        using var folder = new Cli.Cli.Folder(("desired.sql", """
            CREATE TABLE events (day date NOT NULL, body text NOT NULL) PARTITION BY RANGE (day);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """));
        const string Hints = """ "hints": [ { "rename": "public.events.payload", "to": "body" } ], "smallTableRows": 0 """;
        var config = SchemaPlannerConfig.Parse("{" + Hints + "}", "schemaplan.json");
        var analysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), config);
        var refused = Assert.Throws<SchemaPlannerException>(() => PlanFor(130000, analysis, config));
        Assert.Contains("public.events has no primary key and no unique index over NOT NULL columns", refused.Message, StringComparison.Ordinal);
        Assert.Contains("(each partition's blocks, by TID range scans: PostgreSQL 14+, the server is 13.0)", refused.Message, StringComparison.Ordinal);
        const string Entry = """ "allow": [ { "rule": "SP2004", "object": "public.events.payload", "reason": "..." } ] """;
        Assert.Contains(Entry.Trim(), refused.Message, StringComparison.Ordinal);

        // The entry makes the same plan for that server go through (the change as-is).
        var allowed = SchemaPlannerConfig.Parse("{" + Hints + "," + Entry + "}", "schemaplan.json");
        var allowedAnalysis = await Planned.AnalyzeAsync(server.ConnectionString, database.ConnectionString, folder.File("desired.sql"), allowed);
        Assert.DoesNotContain(PlanFor(130000, allowedAnalysis, allowed).Releases.SelectMany(r => r.Steps), s => s.Phase == SchemaPlanner.Planning.Phase.Backfill);
        var planned = Planned.Create(allowedAnalysis, allowed);
        await planned.RunAsync(database.ConnectionString);
        Assert.Empty(await Planned.RemainingAsync(database.ConnectionString, planned.Desired));
        Assert.Equal(100, await database.QueryScalarAsync<long>("SELECT count(*) FROM events WHERE body LIKE 'p%'"));

        // On this server (15) the rename plans without the entry: the backfill walks each partition by its blocks.
        Assert.True(analysis.Context.ServerVersionNumber >= 140000);
        var walked = Planned.Create(analysis, config);
        Assert.Contains(walked.Steps, s => s.Step.Phase == SchemaPlanner.Planning.Phase.Backfill && s.Up.Contains("pg_partition_tree", StringComparison.Ordinal));
    }

    private static SchemaPlanner.Planning.MigrationPlan PlanFor(int serverVersionNumber, SchemaPlanner.Analysis.SchemaAnalysis analysis, SchemaPlannerConfig config) =>
        SchemaPlanner.Planning.Planner.Plan(
            new SchemaPlanner.Planning.PlanningContext(analysis.Current.Schema.Model, analysis.Desired.Schema.Model, analysis.Changes, config, serverVersionNumber, SchemaPlanner.Templates.StatementRenderer.BuiltIn),
            "from",
            "to");
}
