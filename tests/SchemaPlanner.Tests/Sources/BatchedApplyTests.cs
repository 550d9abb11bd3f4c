using System.Text;
using System.Text.RegularExpressions;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>Desired SQL files are sent in batches of statements; errors and statements that must run alone still behave as one by one.</summary>
public sealed class BatchedApplyTests
{
    /// <summary>A file of <paramref name="count"/> one-line CREATE TABLE statements, line N making table tN.</summary>
    private static StringBuilder Tables(int count)
    {
        var sql = new StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            sql.Append("CREATE TABLE t").Append(n).Append(" (id int PRIMARY KEY, name text);\n");
        }

        return sql;
    }

    [Fact]
    public async Task An_error_in_the_middle_of_a_large_batch_names_its_file_line_and_column()
    {
        var sql = Tables(600);
        sql.Append("CREATE TABLE broken (id int, kind nosuchtype);\n"); // line 601
        sql.Append(Tables(600).Replace("CREATE TABLE t", "CREATE TABLE u"));
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("big.sql", sql.ToString()), CancellationToken.None));

        Assert.Equal(ErrorKind.DdlError, error.Kind);
        Assert.Equal("big.sql(601,35): error: type \"nosuchtype\" does not exist", error.Message);
        Assert.Equal(600L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname ~ '^t[0-9]+$' AND relkind = 'r'"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname ~ '^u[0-9]+$' OR relname = 'broken'"));
    }

    [Fact]
    public async Task A_sql_standard_body_run_again_alone_after_a_failed_batch_is_sent_whole()
    {
        // The failed batch runs again one statement at a time: the function (semicolons inside its body) must
        // still be one statement there, and the error must name the table's line.
        const string sql = """
            CREATE FUNCTION two() RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT 1;
              SELECT CASE WHEN true THEN 2 END;
            END;
            CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT two(); SELECT 3; END;
            CREATE TABLE broken (id int, kind nosuchtype);
            """;
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("bodies.sql", sql), CancellationToken.None));

        Assert.Equal("bodies.sql(7,35): error: type \"nosuchtype\" does not exist", error.Message);
        Assert.Equal(2, await database.QueryScalarAsync<int>("SELECT two()"));
        Assert.Equal(1L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_proc WHERE proname = 'p' AND prokind = 'p'"));
    }

    [Fact]
    public async Task An_error_in_a_large_batch_inside_the_files_own_transaction_names_its_file_line_and_column()
    {
        var sql = new StringBuilder("BEGIN;\n").Append(Tables(400));
        sql.Append("CREATE TABLE broken (id int, kind nosuchtype);\n"); // line 402
        sql.Append(Tables(400).Replace("CREATE TABLE t", "CREATE TABLE u")).Append("COMMIT;\n");
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<SchemaPlannerException>(
            () => SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("big.sql", sql.ToString()), CancellationToken.None));

        Assert.Equal("big.sql(402,35): error: type \"nosuchtype\" does not exist", error.Message);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname ~ '^[tu][0-9]+$'"));
    }

    [Fact]
    public async Task A_failed_batch_drops_the_scratch_database_it_ran_in()
    {
        // The failing statement names the scratch database it runs in, so the test can look for it afterwards.
        var folder = Directory.CreateTempSubdirectory("schemaplan-batch-");
        try
        {
            var sql = Tables(300);
            sql.Append("DO $$ BEGIN RAISE EXCEPTION 'stopped in %', current_database(); END $$;\n"); // line 301
            sql.Append(Tables(300).Replace("CREATE TABLE t", "CREATE TABLE u"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "01_big.sql"), sql.ToString());
            var server = await PostgresServer.GetAsync();
            var scratch = new ScratchServer(server.ConnectionString);
            await using (scratch)
            {
                var error = await Assert.ThrowsAsync<SchemaPlannerException>(
                    () => SchemaSources.LoadAsync(folder.FullName, scratch, CancellationToken.None));

                var match = Regex.Match(error.Message, @"^(?<file>.+)\(301,1\): error: stopped in (?<database>schemaplan_scratch_[0-9a-f]{16})$");
                Assert.True(match.Success, error.Message);
                Assert.Equal(Path.Combine(folder.FullName, "01_big.sql"), match.Groups["file"].Value);
                await using var admin = await server.CreateDatabaseAsync();
                Assert.Equal(0L, await admin.QueryScalarAsync<long>(
                    $"SELECT count(*) FROM pg_database WHERE datname = '{match.Groups["database"].Value}'"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_mixing_batchable_statements_with_concurrently_add_value_and_transactions_applies()
    {
        const string sql = """
            CREATE TYPE mood AS ENUM ('sad');
            CREATE TABLE people (id int PRIMARY KEY, name text);
            ALTER TYPE mood ADD VALUE 'happy';
            CREATE TABLE moods (id int, m mood DEFAULT 'happy');
            INSERT INTO moods (id, m) VALUES (1, 'happy');
            CREATE INDEX CONCURRENTLY people_name ON people (name);
            CREATE TABLE after_index (id int);
            VACUUM people;
            BEGIN;
            CREATE TABLE in_transaction (id int);
            ALTER TABLE in_transaction ADD COLUMN name text;
            COMMIT;
            CREATE TABLE last (id int);
            """;
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();

        var locations = await SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("s.sql", sql), CancellationToken.None);

        Assert.Equal("sad,happy", await database.QueryScalarAsync<string>(
            "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'mood'::regtype"));
        Assert.Equal("happy", await database.QueryScalarAsync<string>("SELECT m::text FROM moods WHERE id = 1"));
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'people_name'::regclass"));
        Assert.Equal(2L, await database.QueryScalarAsync<long>(
            "SELECT count(*) FROM pg_attribute WHERE attrelid = 'in_transaction'::regclass AND attnum > 0"));
        Assert.Equal(1L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'last'"));
        Assert.Equal(new SourceLocation("s.sql", 6, 27), locations.Index("public", "people_name"));
        Assert.Equal(new SourceLocation("s.sql", 7, 14), locations.Table(new QualifiedName("public", "after_index")));
        Assert.Equal(new SourceLocation("s.sql", 11, 39), locations.Column(new QualifiedName("public", "in_transaction"), "name"));
        Assert.Equal(new SourceLocation("s.sql", 13, 14), locations.Table(new QualifiedName("public", "last")));
    }
}
