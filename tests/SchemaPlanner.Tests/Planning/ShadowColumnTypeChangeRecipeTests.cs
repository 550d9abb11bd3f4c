using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// The shadow-column type change on real PostgreSQL, with rows and app writes between the steps: a conversion
/// never changes a value silently (a value that does not fit raises, in the sync trigger, the backfill and the
/// verify, before anything is swapped), unique and primary keys move to the new column, and a using hint is
/// honoured whatever the session's TimeZone.
/// </summary>
public sealed class ShadowColumnTypeChangeRecipeTests
{
    private const string Labels = """
        CREATE TABLE labels (id integer PRIMARY KEY, name varchar(50) NOT NULL);
        CREATE INDEX labels_name_idx ON labels (name);
        """;

    private const string ShorterLabels = """
        CREATE TABLE labels (id integer PRIMARY KEY, name varchar(20) NOT NULL);
        CREATE INDEX labels_name_idx ON labels (name);
        """;

    private const string LabelRows = "INSERT INTO labels SELECT g, 'label ' || g FROM generate_series(1, 1500) g;";

    [Fact]
    public async Task An_old_app_write_too_long_for_the_new_type_fails_with_22001_instead_of_being_cut()
    {
        await using var migration = await PlannedMigration.CreateAsync(Labels, LabelRows, ShorterLabels);
        Assert.Equal(RecipeNames.ShadowColumnTypeChange, migration.RecipeOf("alter column public.labels.name"));
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await migration.RunAsync(connection, 1, Phase.Backfill);

        // Both app versions are live: the old one writes a value that fits its varchar(50) but not varchar(20).
        var tooLong = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync($"INSERT INTO labels (id, name) VALUES (5001, '{new string('x', 27)}')"));
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, tooLong.SqlState);
        var tooLongUpdate = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync($"UPDATE labels SET name = '{new string('y', 21)}' WHERE id = 7"));
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, tooLongUpdate.SqlState);
        await db.ExecuteAsync($"INSERT INTO labels (id, name) VALUES (5002, '{new string('z', 20)}')");

        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM labels WHERE id <= 1500 AND name <> 'label ' || id"));
        Assert.Equal(new string('z', 20), await db.QueryScalarAsync<string>("SELECT name FROM labels WHERE id = 5002"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM labels WHERE id = 5001"));
    }

    [Fact]
    public async Task A_row_too_long_for_the_new_type_stops_the_plan_at_the_backfill_and_verify_with_its_key_and_nothing_is_swapped()
    {
        await using var migration = await PlannedMigration.CreateAsync(Labels, LabelRows + $"UPDATE labels SET name = '{new string('w', 30)}' WHERE id = 1234;", ShorterLabels);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);

        var backfill = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Backfill));
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, backfill.SqlState);
        Assert.Contains("key (1234)", backfill.Message, StringComparison.Ordinal);

        // Run anyway (as a runner that ignored the failure would): verify compares without the truncating cast.
        var verify = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Verify));
        Assert.Contains("verify failed: 1 row(s)", verify.Message, StringComparison.Ordinal);
        Assert.Contains("first key (1234)", verify.Message, StringComparison.Ordinal);

        Assert.Equal("character varying(50)", await db.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'labels'::regclass AND attname = 'name'"));
        Assert.Equal(new string('w', 30), await db.QueryScalarAsync<string>("SELECT name FROM labels WHERE id = 1234"));
    }

    [Theory]
    [InlineData("numeric(10,2)", "numeric(10,1)", "1.20", "1.25")]
    [InlineData("numeric(10,2)", "integer", "7.00", "7.50")]
    [InlineData("character(8)", "character(4)", "abcd", "abcde")]
    [InlineData("bit varying(4)", "bit varying(3)", "101", "1010")]
    [InlineData("timestamp(6) without time zone", "timestamp(0) without time zone", "2024-01-01 10:00:00", "2024-01-01 10:00:00.5")]
    [InlineData("text", "varchar(3)", "abc", "abcd")]
    public async Task A_conversion_that_would_round_truncate_or_pad_raises_in_the_trigger_and_stops_the_backfill(string from, string to, string fits, string doesNotFit)
    {
        var old = $"CREATE TABLE things (id integer PRIMARY KEY, v {from});";
        var desired = $"CREATE TABLE things (id integer PRIMARY KEY, v {to});";
        var rows = $"INSERT INTO things SELECT g, '{fits}' FROM generate_series(1, 50) g;";

        // Values that fit go through, and one written by the old app in the window that does not fit is refused.
        await using (var migration = await PlannedMigration.CreateAsync(old, rows, desired))
        {
            var db = migration.Database;
            await using var connection = await migration.OpenAsync();
            await migration.RunAsync(connection, 1, Phase.PreDeploy);
            await migration.RunAsync(connection, 1, Phase.Backfill);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync($"INSERT INTO things (id, v) VALUES (100, '{doesNotFit}')"));
            Assert.StartsWith("22", refused.SqlState, StringComparison.Ordinal);
            await migration.RunAsync(connection, 1, Phase.Verify);
            await migration.RunAsync(connection, 1, Phase.PostDeploy);
            await migration.RunAsync(connection, 2);
            await migration.AssertDesiredAsync();
            Assert.Equal(50L, await db.QueryScalarAsync<long>($"SELECT count(*) FROM things WHERE v = ('{fits}'::{from})::{to}"));
        }

        // A seed row that does not fit stops the backfill and the verify, before the swap.
        await using (var migration = await PlannedMigration.CreateAsync(old, rows + $"UPDATE things SET v = '{doesNotFit}' WHERE id = 42;", desired))
        {
            await using var connection = await migration.OpenAsync();
            await migration.RunAsync(connection, 1, Phase.PreDeploy);
            var backfill = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Backfill));
            Assert.Contains("key (42)", backfill.Message, StringComparison.Ordinal);
            var verify = await Assert.ThrowsAsync<SchemaPlannerException>(() => migration.RunAsync(connection, 1, Phase.Verify));
            Assert.Contains("first key (42)", verify.Message, StringComparison.Ordinal);
            Assert.Equal(from, await migration.Database.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'things'::regclass AND attname = 'v'"));
        }
    }

    [Fact]
    public async Task A_new_write_that_does_not_fit_the_old_type_raises_rather_than_wrapping_while_a_rollback_is_possible()
    {
        const string old = "CREATE TABLE counters (id integer PRIMARY KEY, hits integer NOT NULL);";
        const string desired = "CREATE TABLE counters (id integer PRIMARY KEY, hits bigint NOT NULL);";
        await using var migration = await PlannedMigration.CreateAsync(old, "INSERT INTO counters SELECT g, g FROM generate_series(1, 100) g;", desired);
        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);

        // After the swap the retired integer column keeps every new value for a rollback: one it cannot hold is refused.
        var overflow = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO counters (id, hits) VALUES (101, 5000000000)"));
        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, overflow.SqlState);
        await db.ExecuteAsync("INSERT INTO counters (id, hits) VALUES (102, 2000000000)");
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(2000000000, await db.QueryScalarAsync<int>("SELECT hits FROM counters WHERE id = 102"));
    }

    [Fact]
    public async Task A_unique_constraint_moves_to_the_new_column_stays_enforced_throughout_and_comes_back_on_the_way_down()
    {
        const string old = """
            CREATE TABLE accounts (id integer PRIMARY KEY, code integer NOT NULL CONSTRAINT accounts_code_key UNIQUE, note text);
            """;
        const string desired = """
            CREATE TABLE accounts (id integer PRIMARY KEY, code bigint NOT NULL CONSTRAINT accounts_code_key UNIQUE, note text);
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, "INSERT INTO accounts SELECT g, g * 10, 'n' FROM generate_series(1, 1200) g;", desired);
        Assert.Equal(RecipeNames.ShadowColumnTypeChange, migration.RecipeOf("alter column public.accounts.code"));
        await migration.RehearseAsync();

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await migration.RunAsync(connection, 1, Phase.Backfill);
        await AssertDuplicateRefusedAsync(db, 20);
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await AssertDuplicateRefusedAsync(db, 30);

        // Release 1 undone: the constraint is back on the integer column as it was.
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        await AssertDuplicateRefusedAsync(db, 40);

        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal("bigint", await db.QueryScalarAsync<string>(
            "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.conname = 'accounts_code_key' AND c.contype = 'u'"));
        await AssertDuplicateRefusedAsync(db, 50);
        await db.ExecuteAsync("INSERT INTO accounts (id, code, note) VALUES (2002, 5000000000, 'big')");
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO accounts (id, code, note) VALUES (2003, 5000000000, 'again')"));
        Assert.Equal("accounts_code_key", duplicate.ConstraintName);
        Assert.Equal(1200L, await db.QueryScalarAsync<long>("SELECT count(*) FROM accounts WHERE id <= 1200 AND code = id * 10"));
    }

    [Fact]
    public async Task A_primary_key_column_changing_type_keeps_its_key_through_the_swap_and_back()
    {
        const string old = "CREATE TABLE codes (code varchar(10) PRIMARY KEY, label text NOT NULL);";
        const string desired = "CREATE TABLE codes (code varchar(8) PRIMARY KEY, label text NOT NULL);";
        await using var migration = await PlannedMigration.CreateAsync(old, "INSERT INTO codes SELECT 'c' || g, 'label' FROM generate_series(1, 900) g;", desired);
        await migration.RehearseAsync();

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO codes (code, label) VALUES ('c5', 'again')"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        duplicate = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO codes (code, label) VALUES ('c5', 'again')"));
        Assert.Equal("codes_pkey", duplicate.ConstraintName);
    }

    private const string Events = "CREATE TABLE events (id integer PRIMARY KEY, created_at timestamp NOT NULL);";

    private const string EventsTz = "CREATE TABLE events (id integer PRIMARY KEY, created_at timestamptz NOT NULL);";

    private const string EventRows = "INSERT INTO events SELECT g, timestamp '2024-01-15 12:00:00' + g * interval '1 hour' FROM generate_series(1, 800) g;";

    private const string NewYork = "SET TimeZone = 'America/New_York'; ";

    [Theory]
    [InlineData("UTC", false)]
    [InlineData("Asia/Tokyo", false)]
    [InlineData("Asia/Tokyo", true)]
    public async Task A_using_hint_on_timestamp_to_timestamptz_is_honoured_whatever_the_session_time_zone(string zone, bool indexed)
    {
        var index = indexed ? " CREATE INDEX events_created_at_idx ON events (created_at);" : "";
        var config = new SchemaPlannerConfig
        {
            Columns = [new ColumnHint(new QualifiedName("public", "events"), "created_at", $"\"created_at\" AT TIME ZONE '{zone}'")],
        };
        await using var migration = await PlannedMigration.CreateAsync(Events + index, EventRows, EventsTz + index, config);
        Assert.Equal(RecipeNames.ShadowColumnTypeChange, migration.RecipeOf("alter column public.events.created_at"));
        await migration.RehearseAsync();

        var db = migration.Database;
        await using var connection = await migration.OpenAsync();
        await using (var set = new NpgsqlCommand(NewYork, connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await migration.RunAsync(connection, 1, Phase.Backfill);
        await db.ExecuteAsync(NewYork + "INSERT INTO events (id, created_at) VALUES (1001, timestamp '2024-06-01 08:00:00')");
        await db.ExecuteAsync(NewYork + "UPDATE events SET created_at = timestamp '2024-06-02 09:30:00' WHERE id = 5");
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await db.ExecuteAsync(NewYork + "INSERT INTO events (id, created_at) VALUES (1002, timestamptz '2024-06-03 10:00:00+00')");

        // A rollback of release 1 gives the old app its values back as the hint's zone reads them.
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal(
            new DateTime(2024, 6, 3, 10, 0, 0) + TimeSpan.FromHours(zone == "UTC" ? 0 : 9),
            await db.QueryScalarAsync<DateTime>("SELECT created_at FROM events WHERE id = 1002"));
        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();

        var offset = zone == "UTC" ? "+00" : "+09";
        Assert.Equal(0L, await db.QueryScalarAsync<long>(
            $"SELECT count(*) FROM events WHERE id <= 800 AND id <> 5 AND created_at IS DISTINCT FROM ('2024-01-15 12:00:00{offset}'::timestamptz + id * interval '1 hour')"));
        Assert.True(await db.QueryScalarAsync<bool>($"SELECT created_at = '2024-06-02 09:30:00{offset}'::timestamptz FROM events WHERE id = 5"));
        Assert.True(await db.QueryScalarAsync<bool>($"SELECT created_at = '2024-06-01 08:00:00{offset}'::timestamptz FROM events WHERE id = 1001"));
        Assert.True(await db.QueryScalarAsync<bool>("SELECT created_at = '2024-06-03 10:00:00+00'::timestamptz FROM events WHERE id = 1002"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_hint_timestamp_to_timestamptz_reads_the_values_as_UTC_whatever_the_session_time_zone(bool indexed)
    {
        var index = indexed ? " CREATE INDEX events_created_at_idx ON events (created_at);" : "";
        await using var migration = await PlannedMigration.CreateAsync(Events + index, EventRows, EventsTz + index);
        var db = migration.Database;
        var file = await db.QueryScalarAsync<long>("SELECT pg_relation_filenode('events')::bigint");
        await using var connection = await migration.OpenAsync();
        await using (var set = new NpgsqlCommand(NewYork, connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        await migration.RunAsync(connection, 1, Phase.Backfill);
        await db.ExecuteAsync(NewYork + "INSERT INTO events (id, created_at) VALUES (1001, timestamp '2024-06-01 08:00:00')");
        await migration.RunAsync(connection, 1, Phase.Verify);
        await migration.RunAsync(connection, 1, Phase.PostDeploy);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(0L, await db.QueryScalarAsync<long>(
            "SELECT count(*) FROM events WHERE id <= 800 AND created_at IS DISTINCT FROM ('2024-01-15 12:00:00+00'::timestamptz + id * interval '1 hour')"));
        if (indexed)
        {
            // Written by the old app into the timestamp column while the sync trigger converted it.
            Assert.True(await db.QueryScalarAsync<bool>("SELECT created_at = '2024-06-01 08:00:00+00'::timestamptz FROM events WHERE id = 1001"));
        }
        else
        {
            // Pinned to UTC, PostgreSQL 12+ changes only the catalog: the table was not rewritten.
            Assert.Equal(file, await db.QueryScalarAsync<long>("SELECT pg_relation_filenode('events')::bigint"));
        }
    }

    /// <summary>A second row with an existing code is refused by the unique constraint, whichever column holds it now.</summary>
    private static async Task AssertDuplicateRefusedAsync(Infrastructure.TestDatabase db, int id)
    {
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync($"INSERT INTO accounts (id, code, note) VALUES ({5000 + id}, {id * 10}, 'duplicate')"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        Assert.StartsWith("accounts_code_key", duplicate.ConstraintName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serial_column_s_sequence_moves_to_the_new_column_so_the_retired_one_can_be_dropped()
    {
        const string old = "CREATE TABLE items (id integer PRIMARY KEY, n serial, note text);";
        const string rows = "INSERT INTO items (id, note) SELECT g, 'item ' || g FROM generate_series(1, 3000) g;";
        const string desired = """
            CREATE SEQUENCE items_n_seq AS integer;
            CREATE TABLE items (id integer PRIMARY KEY, n numeric(12,0) NOT NULL DEFAULT nextval('items_n_seq'::regclass), note text);
            ALTER SEQUENCE items_n_seq OWNED BY items.n;
            """;
        await using var migration = await PlannedMigration.CreateAsync(old, rows, desired);
        Assert.Equal(RecipeNames.ShadowColumnTypeChange, migration.RecipeOf("alter column public.items.n"));
        await migration.RehearseAsync();

        var db = migration.Database;
        var before = await db.QueryScalarAsync<string>("SELECT md5(string_agg(id || ':' || n, ',' ORDER BY id)) FROM items");
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1);
        Assert.Equal(3001m, await db.QueryScalarAsync<decimal>("INSERT INTO items (id, note) VALUES (3001, 'after the swap') RETURNING n"));
        Assert.Equal("public.items_n_seq", await db.QueryScalarAsync<string>("SELECT pg_get_serial_sequence('public.items', 'n')"));

        // Release 1's down gives the sequence back to the restored column; up again and release 2 drop the retired one.
        await migration.RunDownAsync(connection, 1);
        await migration.AssertCurrentAsync();
        Assert.Equal("public.items_n_seq", await db.QueryScalarAsync<string>("SELECT pg_get_serial_sequence('public.items', 'n')"));
        await migration.RunAsync(connection, 1);
        await migration.RunAsync(connection, 2);
        await migration.AssertDesiredAsync();
        Assert.Equal(before, await db.QueryScalarAsync<string>("SELECT md5(string_agg(id || ':' || n, ',' ORDER BY id)) FROM items WHERE id <= 3000"));
        Assert.Equal(3002m, await db.QueryScalarAsync<decimal>("INSERT INTO items (id, note) VALUES (3002, 'after release 2') RETURNING n"));
    }
}
