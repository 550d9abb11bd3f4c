using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// Rules whose answer depends on what only the server knows: function volatility (pg_proc.provolatile),
/// the server version, statistics (pg_class.reltuples), and the exact catalog text of constraints and indexes.
/// </summary>
public sealed class ServerDependentRulesTests
{
    private const string Table = "CREATE TABLE items (id integer PRIMARY KEY, name text);\n";

    [Theory]
    [InlineData("timestamptz DEFAULT now()")]
    [InlineData("timestamptz DEFAULT CURRENT_TIMESTAMP")]
    [InlineData("integer NOT NULL DEFAULT 0")]
    [InlineData("text DEFAULT upper('x')")]
    [InlineData("integer DEFAULT public.answer()")]
    public async Task Non_volatile_defaults_are_catalog_only(string column)
    {
        var function = "CREATE FUNCTION public.answer() RETURNS integer IMMUTABLE LANGUAGE sql AS 'SELECT 42';\n";

        var result = await LiveDiff.ClassifyAsync(function + Table, function + Table + $"ALTER TABLE items ADD COLUMN extra {column};");

        Assert.Empty(result.Of("SP2002"));
        Assert.All(result.Changes, c => Assert.True(c.Safe, result.ToString()));
    }

    [Theory]
    [InlineData("double precision DEFAULT random()")]
    [InlineData("uuid DEFAULT gen_random_uuid()")]
    [InlineData("timestamptz DEFAULT clock_timestamp()")]
    [InlineData("integer DEFAULT public.next_ticket()")]
    [InlineData("bigserial")]
    [InlineData("bigint GENERATED ALWAYS AS IDENTITY")]
    [InlineData("integer GENERATED ALWAYS AS (id * 2) STORED")]
    public async Task Volatile_defaults_identity_serial_and_generated_columns_rewrite(string column)
    {
        // Declared VOLATILE by the user; plpgsql so the planner cannot inline it away.
        var function = "CREATE FUNCTION public.next_ticket() RETURNS integer VOLATILE LANGUAGE plpgsql AS 'BEGIN RETURN 1; END';\n";

        var result = await LiveDiff.ClassifyAsync(function + Table, function + Table + $"ALTER TABLE items ADD COLUMN extra {column};");

        var hazard = Assert.Single(result.Of("SP2002"));
        Assert.Equal(Severity.Error, hazard.Severity);
    }

    [Fact]
    public async Task Statistics_lower_rewrites_and_scans_on_small_tables_but_never_compatibility_or_data_loss()
    {
        var old = Table + "INSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 200) g;\nANALYZE items;\n";
        var @new = "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, token uuid DEFAULT gen_random_uuid());\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Equal(200, result.From.StatisticsOf(new Model.QualifiedName("public", "items"))!.EstimatedRows);
        Assert.Equal(Severity.Warning, Assert.Single(result.Of("SP2002")).Severity);
        Assert.Equal(Severity.Warning, result.Of("SP2008").Single(h => h.Kind == HazardKind.Scan).Severity);
        Assert.Equal(Severity.Error, result.Of("SP2008").Single(h => h.Kind == HazardKind.BreaksRunningApp).Severity);
        Assert.Contains("~200 rows", result.Of("SP2002").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_table_threshold_comes_from_the_settings_and_data_loss_stays_an_error()
    {
        var old = Table + "INSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 200) g;\nANALYZE items;\n";
        var @new = "CREATE TABLE items (id integer PRIMARY KEY, token uuid DEFAULT gen_random_uuid());\n";

        var strict = await LiveDiff.ClassifyAsync(old, @new, new PlannerSettings { SmallTableRows = 100 });
        var lenient = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Equal(Severity.Error, Assert.Single(strict.Of("SP2002")).Severity);
        Assert.Equal(Severity.Warning, Assert.Single(lenient.Of("SP2002")).Severity);
        Assert.All(lenient.Of("SP2003"), h => Assert.Equal(Severity.Error, h.Severity));
        Assert.Contains(lenient.Of("SP2003"), h => h.Kind == HazardKind.DataLoss);
    }

    [Fact]
    public async Task A_table_never_analysed_counts_as_large()
    {
        var old = Table + "INSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 20) g;\n";
        var @new = "CREATE TABLE items (id integer PRIMARY KEY, name text, token uuid DEFAULT gen_random_uuid());\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Equal(Severity.Error, Assert.Single(result.Of("SP2002")).Severity);
    }

    [Fact]
    public async Task Validated_not_null_check_as_pg_prints_it_lets_set_not_null_skip_its_scan()
    {
        var old = "CREATE TABLE items (id integer PRIMARY KEY, \"Name\" text, CONSTRAINT name_not_null CHECK (\"Name\" IS NOT NULL));\n";
        var @new = "CREATE TABLE items (id integer PRIMARY KEY, \"Name\" text NOT NULL, CONSTRAINT name_not_null CHECK (\"Name\" IS NOT NULL));\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Empty(result.Of("SP2008"));
    }

    [Fact]
    public async Task Index_keys_as_pg_prints_them_find_the_indexes_a_collation_change_rebuilds()
    {
        var old = "CREATE TABLE people (id integer PRIMARY KEY, \"Last Name\" text, nickname text);\nCREATE INDEX people_last ON people (lower(\"Last Name\"));\nCREATE INDEX people_nick ON people (nickname);\n";
        var @new = "CREATE TABLE people (id integer PRIMARY KEY, \"Last Name\" text COLLATE \"C\", nickname text);\nCREATE INDEX people_last ON people (lower(\"Last Name\"));\nCREATE INDEX people_nick ON people (nickname);\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        var hazard = Assert.Single(result.Of("SP2010"));
        Assert.Equal(HazardKind.IndexBuild, hazard.Kind);
        Assert.Contains("people_last", hazard.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("people_nick", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Type_changes_read_back_as_format_type_text_are_judged_by_rewrite()
    {
        var old = "CREATE TABLE t (id integer PRIMARY KEY, a varchar(20), b numeric(10,2), c timestamp(3), d integer, e varchar(20));\n";
        var @new = "CREATE TABLE t (id integer PRIMARY KEY, a varchar(40), b numeric(12,2), c timestamp(6), d bigint, e varchar(10));\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        var flagged = result.Of("SP2005").Where(h => h.Kind == HazardKind.Rewrite).Select(h => h.Message).ToList();
        Assert.Equal(2, flagged.Count);
        Assert.Contains(flagged, m => m.Contains("public.t.d", StringComparison.Ordinal));
        Assert.Contains(flagged, m => m.Contains("public.t.e", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Integer_primary_key_referenced_by_a_foreign_key_gets_the_bigint_recipe()
    {
        var old = "CREATE TABLE users (id integer PRIMARY KEY);\nCREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users);\n";
        var @new = "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users);\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        var hazard = Assert.Single(result.Of("SP2006"));
        Assert.Equal(Recipes.BigintPrimaryKey, hazard.Recipe);
        Assert.Contains("orders_user_id_fkey", hazard.Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("SP2005"));
    }

    [Fact]
    public async Task Enum_and_domain_changes_find_the_columns_that_use_them()
    {
        var old = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE DOMAIN score AS integer;\nCREATE TABLE people (id integer PRIMARY KEY, mood mood, moods mood[], score score);\n";
        var @new = "CREATE TYPE mood AS ENUM ('sad', 'happy');\nCREATE DOMAIN score AS integer CHECK (VALUE >= 0);\nCREATE TABLE people (id integer PRIMARY KEY, mood mood, moods mood[], score score);\n";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Equal(2, result.Of("SP5001").Count(h => h.Kind == HazardKind.Rewrite));
        Assert.Single(result.Of("SP5003"), h => h.Kind == HazardKind.Scan);
    }

    [Fact]
    public async Task Domain_validate_blocks_writes_before_19_as_SP5003_assumes()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(
            "CREATE DOMAIN score AS integer;\nCREATE TABLE games (s score);\nINSERT INTO games VALUES (1);\n"
            + "ALTER DOMAIN score ADD CONSTRAINT score_check CHECK (VALUE >= 0) NOT VALID;\n");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var validate = new NpgsqlCommand("ALTER DOMAIN score VALIDATE CONSTRAINT score_check", connection, transaction))
        {
            await validate.ExecuteNonQueryAsync();
        }

        await using var locks = new NpgsqlCommand("SELECT mode FROM pg_locks WHERE relation = 'games'::regclass AND pid = pg_backend_pid()", connection, transaction);
        var mode = (string?)await locks.ExecuteScalarAsync();
        var major = connection.PostgreSqlVersion.Major;

        Assert.Equal(major >= 19 ? "ShareUpdateExclusiveLock" : "ShareLock", mode);
    }

    [Fact]
    public async Task Server_version_comes_from_the_live_database()
    {
        var result = await LiveDiff.ClassifyAsync(Table, Table);

        Assert.True(result.From.Server!.VersionNumber >= 120000);
        Assert.Empty(result.Changes);
    }

    [Theory]
    [InlineData("ALTER TABLE accounts DROP CONSTRAINT accounts_pkey", "id")]
    [InlineData("ALTER TABLE accounts DROP CONSTRAINT accounts_email_key", "email")]
    [InlineData("DROP INDEX accounts_code_key", "code")]
    public async Task Dropping_a_unique_key_breaks_on_conflict_on_the_server_and_is_flagged(string drop, string column)
    {
        const string schema = "CREATE TABLE accounts (id int PRIMARY KEY, email text UNIQUE, code text);\nCREATE UNIQUE INDEX accounts_code_key ON accounts (code);\n";
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(schema + drop + ";");

        // The running application's upsert on those columns fails once the key is gone.
        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync($"INSERT INTO accounts (id, email, code) VALUES (1, 'a', 'b') ON CONFLICT ({column}) DO NOTHING"));
        Assert.Equal(PostgresErrorCodes.InvalidColumnReference, error.SqlState);

        var result = await LiveDiff.ClassifyAsync(schema, schema + drop + ";");
        var hazard = Assert.Single(result.Of("SP4007"));
        Assert.Equal((HazardKind.BreaksRunningApp, Severity.Error), (hazard.Kind, hazard.Severity));
        Assert.Contains($"ON CONFLICT ({column})", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unique_constraint_that_becomes_the_primary_key_keeps_on_conflict_working_and_is_not_flagged()
    {
        const string old = "CREATE TABLE accounts (id int NOT NULL, email text, CONSTRAINT accounts_id_key UNIQUE (id));";
        const string @new = "CREATE TABLE accounts (id int NOT NULL, email text, CONSTRAINT accounts_pkey PRIMARY KEY (id));";

        var result = await LiveDiff.ClassifyAsync(old, @new);

        Assert.Empty(result.Of("SP4007"));
        Assert.Contains(result.Changes, c => c.Change is Changes.DropConstraint);
    }

    [Fact]
    public async Task A_collation_change_on_an_indexed_column_rebuilds_the_index_on_the_server_and_is_flagged()
    {
        const string schema = "CREATE TABLE names (id int PRIMARY KEY, name text);\nCREATE INDEX names_name_idx ON names (name);\n";
        const string alter = "ALTER TABLE names ALTER COLUMN name TYPE text COLLATE \"C\"";
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(schema);
        const string files = "SELECT pg_relation_filenode('names') || ',' || pg_relation_filenode('names_name_idx')";
        var before = await database.QueryScalarAsync<string>(files);
        await database.ExecuteAsync(alter);
        var after = await database.QueryScalarAsync<string>(files);

        // The table keeps its file (no rewrite); the index gets a new one (rebuilt under the ALTER's lock).
        Assert.Equal(before!.Split(',')[0], after!.Split(',')[0]);
        Assert.NotEqual(before.Split(',')[1], after.Split(',')[1]);

        var result = await LiveDiff.ClassifyAsync(schema, schema + alter + ";");
        var hazard = Assert.Single(result.Of("SP2010"));
        Assert.Equal((HazardKind.IndexBuild, Severity.Error, Locks.AccessExclusive), (hazard.Kind, hazard.Severity, hazard.Lock));
        Assert.False(Assert.Single(result.Changes).Safe);
    }
}
