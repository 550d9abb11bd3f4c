using SchemaPlanner.Planning;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// ATTACH PARTITION adopts a local index of the table that matches one of the parent's as the partition's copy of
/// it. Where the desired schema keeps that index local as well (a partition with both), the plan renames the
/// adopted one out of the way after the attach and builds the local one again concurrently. On real PostgreSQL.
/// </summary>
public sealed class AttachAdoptedIndexTests
{
    private const string Old = """
        CREATE TABLE readings (site text NOT NULL, value integer) PARTITION BY LIST (site);
        CREATE INDEX readings_site_value_idx ON readings (site, value);
        CREATE TABLE readings_a (site text NOT NULL, value integer);
        CREATE INDEX readings_a_local_idx ON readings_a (site, value);
        """;

    private const string New = """
        CREATE TABLE readings (site text NOT NULL, value integer) PARTITION BY LIST (site);
        CREATE TABLE readings_a (site text NOT NULL, value integer);
        ALTER TABLE readings ATTACH PARTITION readings_a FOR VALUES IN ('a');
        CREATE INDEX readings_site_value_idx ON readings (site, value);
        CREATE INDEX readings_a_local_idx ON readings_a (site, value);
        """;

    private const string Rows = "INSERT INTO readings_a SELECT 'a', g FROM generate_series(1, 1000) g;";

    private const string LocalIsStandalone = """
        SELECT NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = 'readings_a_local_idx'::regclass)
        """;

    [Fact]
    public async Task The_local_index_the_attach_adopts_is_built_again_so_the_partition_keeps_both_and_down_restores_it()
    {
        await using var migration = await PlannedMigration.CreateAsync(Old, Rows, New);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();

        await migration.RunAsync(connection, 1);
        await migration.AssertDesiredAsync();
        Assert.True(await db.QueryScalarAsync<bool>(LocalIsStandalone));
        Assert.Equal(1L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'readings_site_value_idx'::regclass"));
        Assert.True(await db.QueryScalarAsync<bool>("SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'readings_a'::regclass"));

        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.True(await db.QueryScalarAsync<bool>(LocalIsStandalone));
        Assert.Equal(1000L, await db.QueryScalarAsync<long>("SELECT count(*) FROM readings_a"));

        // After the way down, the way up works again.
        await migration.RunAsync(connection, 1);
        await migration.AssertDesiredAsync();
    }
}
