using SchemaPlanner.Planning;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A new table's index takes the name of an index on a table the plan drops only in a later release (names are
/// unique per schema): on real PostgreSQL, the old index is renamed away before the new one is built, goes with
/// its table, and comes back under its name when release 1 is undone.
/// </summary>
public sealed class IndexNameReuseTests
{
    private const string Indexes = """
        SELECT string_agg(c.relname || ' on ' || t.relname || ': ' || pg_get_indexdef(i.indexrelid), E'\n' ORDER BY c.relname)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
        """;

    [Fact]
    public async Task The_old_index_is_renamed_away_before_the_new_one_takes_its_name_and_back_in_the_down()
    {
        const string old = """
            CREATE TABLE items (id integer PRIMARY KEY, code text NOT NULL);
            CREATE UNIQUE INDEX code_unique_idx ON items (code);
            """;
        const string rows = "INSERT INTO items SELECT g, 'c' || g FROM generate_series(1, 500) g;";
        const string desired = """
            CREATE TABLE products (id integer PRIMARY KEY, code text NOT NULL, price numeric);
            CREATE UNIQUE INDEX code_unique_idx ON products (code);
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        var rename = Assert.Single(migration.Steps, s => s.Step.Name.StartsWith("rename_index_code_unique_idx", StringComparison.Ordinal));
        Assert.Equal(1, rename.Step.Release);
        Assert.Contains("ALTER INDEX public.code_unique_idx RENAME TO code_unique_idx__replaced", rename.Up, StringComparison.Ordinal);
        Assert.Contains("ALTER INDEX IF EXISTS public.code_unique_idx__replaced RENAME TO code_unique_idx", rename.Down, StringComparison.Ordinal);
        Assert.True(migration.Plan.Releases.Count >= 2, migration.Plan.Releases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        Assert.Equal(
            "code_unique_idx on products: CREATE UNIQUE INDEX code_unique_idx ON public.products USING btree (code)\n" +
            "code_unique_idx__replaced on items: CREATE UNIQUE INDEX code_unique_idx__replaced ON public.items USING btree (code)",
            await db.QueryScalarAsync<string>(Indexes));
        Assert.Equal(500L, await db.QueryScalarAsync<long>("SELECT count(*) FROM items"));

        await migration.RunDownAsync(connection, 1);
        Assert.Equal(
            "code_unique_idx on items: CREATE UNIQUE INDEX code_unique_idx ON public.items USING btree (code)",
            await db.QueryScalarAsync<string>(Indexes));
        await migration.AssertCurrentAsync();
        var duplicate = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("INSERT INTO items VALUES (1000, 'c1')"));
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, duplicate.SqlState);

        for (var release = 1; release <= migration.Plan.Releases.Count; release++)
        {
            await migration.RunAsync(connection, release);
        }

        await migration.AssertDesiredAsync();
        Assert.Equal(
            "code_unique_idx on products: CREATE UNIQUE INDEX code_unique_idx ON public.products USING btree (code)",
            await db.QueryScalarAsync<string>(Indexes));
    }

    [Fact]
    public async Task An_index_name_moving_to_a_partitioned_table_is_freed_by_renaming_the_old_index_whose_own_drop_then_takes_it_under_that_name()
    {
        const string old = """
            CREATE TABLE items (id integer PRIMARY KEY, code text NOT NULL);
            CREATE UNIQUE INDEX code_unique_idx ON items (code, id);
            CREATE TABLE stock (code text NOT NULL, id integer NOT NULL) PARTITION BY LIST (code);
            CREATE TABLE stock_a PARTITION OF stock FOR VALUES IN ('a');
            CREATE TABLE stock_b PARTITION OF stock FOR VALUES IN ('b');
            """;
        const string rows = "INSERT INTO items SELECT g, 'c' || g FROM generate_series(1, 500) g; INSERT INTO stock SELECT CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, g FROM generate_series(1, 500) g;";
        const string desired = """
            CREATE TABLE items (id integer PRIMARY KEY, code text NOT NULL);
            CREATE TABLE stock (code text NOT NULL, id integer NOT NULL) PARTITION BY LIST (code);
            CREATE TABLE stock_a PARTITION OF stock FOR VALUES IN ('a');
            CREATE TABLE stock_b PARTITION OF stock FOR VALUES IN ('b');
            CREATE UNIQUE INDEX code_unique_idx ON stock (code, id);
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();

        // Both app versions run between the phases: the old index still guards items, under its free name.
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Contains("code_unique_idx__replaced on items", await db.QueryScalarAsync<string>(Indexes), StringComparison.Ordinal);
        Assert.Equal(2L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.code_unique_idx'::regclass"));
        var duplicate = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("INSERT INTO stock VALUES ('a', 2)"));
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, duplicate.SqlState);

        for (var release = 1; release <= migration.Plan.Releases.Count; release++)
        {
            await migration.RunAsync(connection, release);
        }

        await migration.AssertDesiredAsync();
        Assert.DoesNotContain("items", await db.QueryScalarAsync<string>(Indexes), StringComparison.Ordinal);

        for (var release = migration.Plan.Releases.Count; release >= 1; release--)
        {
            await migration.RunDownAsync(connection, release);
        }

        await migration.AssertCurrentAsync();
        Assert.Equal("items", await db.QueryScalarAsync<string>("SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = 'public.code_unique_idx'::regclass"));
    }

    [Fact]
    public async Task An_index_dropped_on_its_own_is_renamed_away_when_another_table_takes_its_name()
    {
        const string old = """
            CREATE TABLE orders (id integer PRIMARY KEY, placed date NOT NULL);
            CREATE TABLE invoices (id integer PRIMARY KEY, placed date NOT NULL);
            CREATE INDEX placed_idx ON orders (placed);
            """;
        const string rows = """
            INSERT INTO orders SELECT g, date '2026-01-01' + g FROM generate_series(1, 500) g;
            INSERT INTO invoices SELECT g, date '2026-01-01' + g FROM generate_series(1, 500) g;
            """;
        const string desired = """
            CREATE TABLE orders (id integer PRIMARY KEY, placed date NOT NULL);
            CREATE TABLE invoices (id integer PRIMARY KEY, placed date NOT NULL);
            CREATE INDEX placed_idx ON invoices (placed);
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        var rename = Assert.Single(migration.Steps, s => s.Step.Name.StartsWith("rename_index_placed_idx", StringComparison.Ordinal));
        Assert.Equal(Phase.PreDeploy, rename.Step.Phase);
        var drop = Assert.Single(migration.Steps, s => s.Step.Name.StartsWith("drop_index", StringComparison.Ordinal));
        Assert.Equal(Phase.PostDeploy, drop.Step.Phase);
        Assert.Contains("DROP INDEX CONCURRENTLY IF EXISTS public.placed_idx__replaced", drop.Up, StringComparison.Ordinal);

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        // After the pre-deploy phase both indexes exist: the old version's queries on orders keep theirs.
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Equal(
            "placed_idx on invoices: CREATE INDEX placed_idx ON public.invoices USING btree (placed)\n" +
            "placed_idx__replaced on orders: CREATE INDEX placed_idx__replaced ON public.orders USING btree (placed)",
            await db.QueryScalarAsync<string>(Indexes));

        Assert.All(migration.Steps, s => Assert.True(s.Step.Phase is Phase.PreDeploy or Phase.PostDeploy, s.Step.Name));
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await migration.AssertDesiredAsync();
        Assert.Equal(
            "placed_idx on invoices: CREATE INDEX placed_idx ON public.invoices USING btree (placed)",
            await db.QueryScalarAsync<string>(Indexes));

        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(
            "placed_idx on orders: CREATE INDEX placed_idx ON public.orders USING btree (placed)",
            await db.QueryScalarAsync<string>(Indexes));
    }
}
