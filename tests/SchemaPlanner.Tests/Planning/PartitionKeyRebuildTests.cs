using SchemaPlanner.Planning;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// A partition-key change rebuilds the table beside the old one (offline): on real PostgreSQL, what references the
/// old table (other tables' foreign keys, views, materialized views and the views over those) is out of the way
/// when it is dropped, and back over the new table afterwards; the down files bring the old table back with it.
/// </summary>
public sealed class PartitionKeyRebuildTests
{
    private const string ForeignKeys = """
        SELECT string_agg(conrelid::regclass || '.' || conname || ' -> ' || confrelid::regclass || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END, E'\n' ORDER BY conrelid::regclass::text, conname)
        FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 AND connamespace = 'public'::regnamespace
        """;

    [Fact]
    public async Task Another_tables_foreign_key_comes_back_as_its_own_step_after_the_unique_index_it_needs()
    {
        const string old = """
            CREATE TABLE customers (id integer NOT NULL, region text NOT NULL, name text);
            CREATE UNIQUE INDEX customers_key ON customers (id, region);
            CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, region text,
                CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id, region) REFERENCES customers (id, region));
            """;
        const string rows = """
            INSERT INTO customers SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, 'c' || g FROM generate_series(1, 300) g;
            INSERT INTO orders SELECT g, g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END FROM generate_series(1, 300) g;
            """;
        const string desired = """
            CREATE TABLE customers (id integer NOT NULL, region text NOT NULL, name text) PARTITION BY LIST (region);
            CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('eu');
            CREATE TABLE customers_us PARTITION OF customers FOR VALUES IN ('us');
            CREATE UNIQUE INDEX customers_key ON customers (id, region);
            CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, region text,
                CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id, region) REFERENCES customers (id, region));
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        var steps = migration.Steps.Select(s => s.Step.Name).ToList();
        var rebuild = steps.FindIndex(n => n.StartsWith("alter_table_public_customers", StringComparison.Ordinal));
        var index = steps.FindLastIndex(n => n.Contains("customers_key", StringComparison.Ordinal));
        var foreignKey = steps.FindIndex(n => n.Contains("orders_customer_fkey", StringComparison.Ordinal));
        Assert.True(rebuild >= 0 && index > rebuild && foreignKey > index, string.Join(", ", steps));
        Assert.DoesNotContain("orders_customer_fkey FOREIGN KEY", migration.Steps[rebuild].Up, StringComparison.Ordinal);
        Assert.Contains("NOT VALID", migration.Steps[foreignKey].Up, StringComparison.Ordinal);

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        for (var release = 1; release <= migration.Plan.Releases.Count; release++)
        {
            await migration.RunAsync(connection, release);
        }

        await migration.AssertDesiredAsync();
        Assert.Equal("orders.orders_customer_fkey -> customers", await db.QueryScalarAsync<string>(ForeignKeys));
        Assert.Equal(300L, await db.QueryScalarAsync<long>("SELECT count(*) FROM customers"));
        Assert.Equal(150L, await db.QueryScalarAsync<long>("SELECT count(*) FROM customers_eu"));
        var orphan = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("INSERT INTO orders VALUES (1000, 1000, 'eu')"));
        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, orphan.SqlState);

        for (var release = migration.Plan.Releases.Count; release >= 1; release--)
        {
            await migration.RunDownAsync(connection, release);
        }

        await migration.AssertCurrentAsync();
        Assert.Equal("orders.orders_customer_fkey -> customers", await db.QueryScalarAsync<string>(ForeignKeys));
        Assert.Equal(300L, await db.QueryScalarAsync<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task Views_materialized_views_and_views_over_them_are_dropped_before_the_rebuild_and_back_after_it()
    {
        const string old = """
            CREATE TABLE events (id integer NOT NULL, at date NOT NULL, amount numeric, PRIMARY KEY (id, at));
            CREATE VIEW recent AS SELECT id, at FROM events;
            CREATE VIEW recent_ids AS SELECT id FROM recent;
            CREATE MATERIALIZED VIEW totals AS SELECT at, sum(amount) AS total FROM events GROUP BY at;
            CREATE VIEW big_totals AS SELECT at FROM totals WHERE total > 0;
            """;
        const string rows = "INSERT INTO events SELECT g, date '2026-01-01' + g % 10, g FROM generate_series(1, 200) g; REFRESH MATERIALIZED VIEW totals;";
        const string desired = """
            CREATE TABLE events (id integer NOT NULL, at date NOT NULL, amount numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_all PARTITION OF events DEFAULT;
            CREATE VIEW recent AS SELECT id, at FROM events;
            CREATE VIEW recent_ids AS SELECT id FROM recent;
            CREATE MATERIALIZED VIEW totals AS SELECT at, sum(amount) AS total FROM events GROUP BY at;
            CREATE VIEW big_totals AS SELECT at FROM totals WHERE total > 0;
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        // new-view-then-move-callers would re-create the materialized view in release 2, after the old table is gone.
        Assert.Single(migration.Plan.Releases);
        var steps = migration.Steps.Select(s => s.Step.Name).ToList();
        var rebuild = steps.FindIndex(n => n.StartsWith("alter_table_public_events", StringComparison.Ordinal));
        Assert.True(steps.FindIndex(n => n == "drop_view_public_totals") is var drop && drop >= 0 && drop < rebuild, string.Join(", ", steps));
        Assert.True(steps.FindIndex(n => n == "create_view_public_totals") > rebuild, string.Join(", ", steps));

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        await migration.AssertDesiredAsync();
        Assert.Equal("events", await db.QueryScalarAsync<string>(
            "SELECT string_agg(DISTINCT d.refobjid::regclass::text, ',') FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid WHERE r.ev_class = 'totals'::regclass AND d.refobjid <> 'totals'::regclass"));
        Assert.Equal(200L, await db.QueryScalarAsync<long>("SELECT count(*) FROM recent_ids"));
        Assert.Equal(10L, await db.QueryScalarAsync<long>("SELECT count(*) FROM big_totals"));
        Assert.Equal(200L, await db.QueryScalarAsync<long>("SELECT count(*) FROM events_all"));

        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal("r", await db.QueryScalarAsync<string>("SELECT relkind::text FROM pg_class WHERE oid = 'events'::regclass"));
        Assert.Equal(200L, await db.QueryScalarAsync<long>("SELECT count(*) FROM recent_ids"));
        Assert.Equal(10L, await db.QueryScalarAsync<long>("SELECT count(*) FROM big_totals"));
    }
}
