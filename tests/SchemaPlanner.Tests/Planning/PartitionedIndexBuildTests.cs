using SchemaPlanner.Planning;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// Recipes that build indexes as they go (here the shadow-column type change, whose copies of the key and of a
/// plain index are built before the swap) on a partitioned table, where CREATE INDEX CONCURRENTLY is refused
/// (0A000): each partition's index is built concurrently, the parent's is created ON ONLY and attached, and a key
/// is added USING INDEX on each partition, then on the parent, which adopts them. On real PostgreSQL, with rows.
/// </summary>
public sealed class PartitionedIndexBuildTests
{
    private const string Old = """
        CREATE TABLE events (region text NOT NULL, code varchar(50) NOT NULL, note text, PRIMARY KEY (region, code)) PARTITION BY LIST (region);
        CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu');
        CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us');
        CREATE INDEX events_code_idx ON events (code);
        """;

    private const string New = """
        CREATE TABLE events (region text NOT NULL, code varchar(20) NOT NULL, note text, PRIMARY KEY (region, code)) PARTITION BY LIST (region);
        CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu');
        CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us');
        CREATE INDEX events_code_idx ON events (code);
        """;

    private const string Rows = "INSERT INTO events SELECT CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, 'code ' || g, 'n' FROM generate_series(1, 1200) g;";

    private const string Digest = "SELECT md5(string_agg(region || '/' || code || '/' || coalesce(note, ''), ',' ORDER BY region, code)) FROM events";

    private const string KeyOnPartitions = """
        SELECT count(*) FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
        WHERE r.relname IN ('events_eu', 'events_us') AND c.contype = 'p' AND c.conparentid <> 0
        """;

    [Fact]
    public async Task A_type_change_of_a_key_column_on_a_partitioned_table_builds_per_partition_and_down_restores_the_old_key()
    {
        await using var migration = await PlannedMigration.CreateAsync(Old, Rows, New);
        Assert.Equal(RecipeNames.ShadowColumnTypeChange, migration.RecipeOf("alter column public.events.code"));
        var db = migration.Database;
        var before = await db.QueryScalarAsync<string>(Digest);
        await using var connection = await migration.OpenAsync();

        await migration.RunAsync(connection, 1);
        Assert.Equal(before, await db.QueryScalarAsync<string>(Digest));
        Assert.Equal("character varying(20)", await db.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'code'"));
        Assert.Equal(2L, await db.QueryScalarAsync<long>(KeyOnPartitions));
        Assert.Equal(2L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_code_idx'::regclass"));
        Assert.True(await db.QueryScalarAsync<bool>("SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid IN ('events'::regclass, 'events_eu'::regclass, 'events_us'::regclass)"));
        var duplicate = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("INSERT INTO events (region, code, note) VALUES ('eu', 'code 2', 'again')"));
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        await db.ExecuteAsync("INSERT INTO events (region, code, note) VALUES ('eu', 'after swap', 'n')");

        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(2L, await db.QueryScalarAsync<long>(KeyOnPartitions));
        Assert.Equal(1L, await db.QueryScalarAsync<long>("SELECT count(*) FROM events WHERE code = 'after swap'"));

        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(1201L, await db.QueryScalarAsync<long>("SELECT count(*) FROM events"));
    }
}
