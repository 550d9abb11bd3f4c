using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Execution;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A table that becomes a partition of a parent with the same unique key: on real PostgreSQL, the running
/// application's INSERT … ON CONFLICT on the table keeps finding a matching constraint after every step of the
/// plan, and the result is the desired schema with every row. Without an equivalent key on the parent, the drop
/// of the table's key is still refused (SP4007).
/// </summary>
public sealed class PartitionKeyHandoverTests
{
    private const string Parent = """
        CREATE TABLE events (kind text NOT NULL, id integer NOT NULL, body text, UNIQUE (kind, id)) PARTITION BY LIST (kind);
        CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');
        """;

    private const string Rows = "INSERT INTO events_a SELECT 'a', g, 'row ' || g FROM generate_series(1, 2000) g;";

    private const string Desired = Parent + "CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');";

    [Fact]
    public async Task The_tables_own_unique_constraint_is_adopted_by_the_attach_and_never_dropped()
    {
        await using var migration = await PlannedMigration.CreateAsync(
            Parent + "CREATE TABLE events_a (kind text NOT NULL, id integer NOT NULL, body text, UNIQUE (kind, id));", Rows, Desired);

        Assert.DoesNotContain(migration.Steps, s => s.Up.Contains("DROP CONSTRAINT", StringComparison.Ordinal));
        Assert.StartsWith("part of attach-partition-with-check", migration.RecipeOf("drop constraint events_a_kind_id_key"), StringComparison.Ordinal);
        await RunCheckingOnConflictAsync(migration);

        // The constraint is the partition's copy of the parent's now, under its own name.
        Assert.Equal("events_a_kind_id_key", await migration.Database.QueryScalarAsync<string>(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'events_a'::regclass AND contype = 'u' AND conparentid <> 0"));

        // Release 1's down files detach the table again with its own key (the copy becomes its own again), and
        // the upsert still finds it.
        Assert.Single(migration.Plan.Releases);
        await using var connection = await migration.OpenAsync();
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        await migration.Database.ExecuteAsync("INSERT INTO events_a (kind, id, body) VALUES ('a', 1, 'after down') ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body");
        Assert.Equal(2000L, await migration.Database.QueryScalarAsync<long>("SELECT count(*) FROM events_a"));
    }

    [Fact]
    public async Task A_key_the_attach_cannot_adopt_is_dropped_only_after_the_attach_built_the_partitions_copy()
    {
        // (id, kind) is the same key as the parent's (kind, id) for ON CONFLICT, but not the same index: ATTACH
        // builds the partition its own copy, and the old constraint goes after it.
        await using var migration = await PlannedMigration.CreateAsync(
            Parent + "CREATE TABLE events_a (kind text NOT NULL, id integer NOT NULL, body text, UNIQUE (id, kind));", Rows, Desired);

        var attach = migration.Steps.ToList().FindIndex(s => s.Up.Contains("ATTACH PARTITION public.events_a", StringComparison.Ordinal));
        var drop = migration.Steps.ToList().FindIndex(s => s.Up.Contains("DROP CONSTRAINT IF EXISTS events_a_id_kind_key", StringComparison.Ordinal));
        Assert.True(attach >= 0 && drop > attach, $"attach at {attach}, drop at {drop}: " + string.Join(", ", migration.Steps.Select(s => s.Step.Name)));
        await RunCheckingOnConflictAsync(migration);
    }

    [Fact]
    public async Task Without_an_equivalent_key_on_the_parent_the_drop_is_still_refused()
    {
        const string parent = """
            CREATE TABLE events (kind text NOT NULL, id integer NOT NULL, body text) PARTITION BY LIST (kind);
            """;
        var refused = await Assert.ThrowsAsync<SchemaPlannerException>(() => PlannedMigration.CreateAsync(
            parent + "CREATE TABLE events_a (kind text NOT NULL, id integer NOT NULL, body text, UNIQUE (kind, id));",
            Rows,
            parent + "CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');"));
        Assert.Contains("SP4007", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ON CONFLICT (kind, id) on public.events_a", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs every step in plan order; after each one the old app's upsert on the table still works.</summary>
    private static async Task RunCheckingOnConflictAsync(PlannedMigration migration)
    {
        await using var connection = await migration.OpenAsync();
        var n = 0;
        foreach (var step in migration.Steps)
        {
            await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            n++;
            await migration.Database.ExecuteAsync(
                $"INSERT INTO events_a (kind, id, body) VALUES ('a', {n}, 'upserted') ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body");
        }

        await migration.AssertDesiredAsync();
        Assert.Equal(2000L, await migration.Database.QueryScalarAsync<long>("SELECT count(*) FROM events WHERE kind = 'a'"));
        Assert.Equal((long)n, await migration.Database.QueryScalarAsync<long>("SELECT count(*) FROM events_a WHERE body = 'upserted'"));

    }
}
