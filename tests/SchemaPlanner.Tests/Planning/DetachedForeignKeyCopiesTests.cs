using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A partition moved from an old parent to a new one keeps, after the DETACH, its copies of the old parent's
/// foreign keys as constraints of its own; they would stop the old tables' drop (2BP01). The plan drops them
/// with the detach and the way down gets them back from the ATTACH. On real PostgreSQL, with rows (in the
/// referenced table only: a DETACH of a partition whose rows are referenced fails, 23503).
/// </summary>
public sealed class DetachedForeignKeyCopiesTests
{
    private const string Old = """
        CREATE TABLE owners (region text NOT NULL, id integer NOT NULL, UNIQUE (region, id)) PARTITION BY LIST (region);
        CREATE TABLE owners_eu PARTITION OF owners FOR VALUES IN ('eu');
        CREATE TABLE pets (region text NOT NULL, owner_id integer NOT NULL, UNIQUE (region, owner_id)) PARTITION BY LIST (region);
        CREATE TABLE pets_eu PARTITION OF pets FOR VALUES IN ('eu');
        ALTER TABLE pets ADD CONSTRAINT pets_owner_fk FOREIGN KEY (region, owner_id) REFERENCES owners (region, id);
        """;

    private const string New = """
        CREATE TABLE owners_v2 (region text NOT NULL, id integer NOT NULL, UNIQUE (region, id)) PARTITION BY LIST (region);
        CREATE TABLE owners_eu PARTITION OF owners_v2 FOR VALUES IN ('eu');
        CREATE TABLE pets_v2 (region text NOT NULL, owner_id integer NOT NULL, UNIQUE (region, owner_id)) PARTITION BY LIST (region);
        CREATE TABLE pets_eu PARTITION OF pets_v2 FOR VALUES IN ('eu');
        ALTER TABLE pets_v2 ADD CONSTRAINT pets_owner_fk FOREIGN KEY (region, owner_id) REFERENCES owners_v2 (region, id);
        """;

    private const string Rows = "INSERT INTO owners SELECT 'eu', g FROM generate_series(1, 300) g;";

    private const string OldReferences = "SELECT count(*) FROM pg_constraint WHERE confrelid IN ('public.owners'::regclass, 'public.pets'::regclass) AND conrelid IN ('public.owners_eu'::regclass, 'public.pets_eu'::regclass)";

    [Fact]
    public async Task The_copies_go_with_the_detach_the_old_tables_drop_and_release_1_down_brings_them_back()
    {
        await using var migration = await PlannedMigration.CreateAsync(Old, Rows, New);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();

        await migration.RunAsync(connection, 1);
        Assert.Equal(0L, await db.QueryScalarAsync<long>(OldReferences));

        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(1L, await db.QueryScalarAsync<long>(OldReferences));
        Assert.Equal(300L, await db.QueryScalarAsync<long>("SELECT count(*) FROM owners"));

        for (var release = 1; release <= migration.Plan.Releases.Count; release++)
        {
            await migration.RunAsync(connection, release);
        }

        await migration.AssertDesiredAsync();
        Assert.Equal(300L, await db.QueryScalarAsync<long>("SELECT count(*) FROM owners_v2"));
    }
}
