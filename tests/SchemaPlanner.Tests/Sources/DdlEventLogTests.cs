using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Configuration;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>The event trigger that records where objects were made leaves no trace, and needs a superuser.</summary>
public sealed class DdlEventLogTests
{
    private const string Ddl = "create table t (id serial primary key, code text unique);\ncreate index t_code_idx on t (code);\n";

    [Fact]
    public async Task The_event_trigger_its_function_and_its_log_are_gone_before_the_schema_is_read()
    {
        var server = await PostgresServer.GetAsync();
        await using var logged = await server.CreateDatabaseAsync();
        await using var plain = await server.CreateDatabaseAsync(Ddl);

        var locations = await SqlFiles.ApplyAsync(logged.ConnectionString, SqlScript.Split("s.sql", Ddl), CancellationToken.None);

        Assert.Null(locations.Warning);
        Assert.Equal(new SourceLocation("s.sql", 1, 14), locations.Table(new QualifiedName("public", "t")));
        Assert.Equal(0L, await logged.QueryScalarAsync<long>("SELECT count(*) FROM pg_event_trigger"));
        Assert.Equal(0L, await logged.QueryScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'schemaplan%'"));
        Assert.Equal(0L, await logged.QueryScalarAsync<long>("SELECT count(*) FROM pg_proc WHERE proname = 'record' AND prorettype = 'event_trigger'::regtype"));
        var read = await SchemaReader.ReadAsync(logged.ConnectionString, CancellationToken.None);
        var expected = await SchemaReader.ReadAsync(plain.ConnectionString, CancellationToken.None);
        Assert.Equal(expected.Model, read.Model);
    }

    /// <summary>
    /// First seen wins across statements: a column or constraint an ALTER adds points at that ALTER, while the
    /// table's own columns stay at its CREATE however often it is altered (here inside the file's own transaction).
    /// </summary>
    [Fact]
    public async Task A_column_or_constraint_added_later_points_at_the_statement_that_added_it()
    {
        const string ddl = """
            begin;
            create table t (id int primary key, a text);
            alter table t add column b int;
            alter table t add constraint t_b_check check (b > 0);
            alter table t alter column a set default 'x', add column c int;
            create domain d as int;
            alter domain d add constraint d_positive check (value > 0);
            commit;

            """;
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();

        var locations = await SqlFiles.ApplyAsync(database.ConnectionString, SqlScript.Split("s.sql", ddl), CancellationToken.None);

        var t = new QualifiedName("public", "t");
        Assert.Equal(new SourceLocation("s.sql", 2, 17), locations.Column(t, "id"));
        Assert.Equal(new SourceLocation("s.sql", 2, 37), locations.Column(t, "a"));
        Assert.Equal(new SourceLocation("s.sql", 3, 26), locations.Column(t, "b"));
        Assert.Equal(new SourceLocation("s.sql", 5, 58), locations.Column(t, "c"));
        Assert.Equal(new SourceLocation("s.sql", 2, 24), locations.Constraint(t, "t_pkey"));
        Assert.Equal(new SourceLocation("s.sql", 4, 19), locations.Constraint(t, "t_b_check"));
        Assert.Equal(new SourceLocation("s.sql", 7, 20), locations.Constraint(new QualifiedName("public", "d"), "d_positive"));
    }

    [Fact]
    public async Task Without_superuser_locations_are_statement_level_and_a_warning_says_so_once()
    {
        var server = await PostgresServer.GetAsync();
        const string role = "schemaplan_test_not_superuser";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE {role} LOGIN CREATEDB NOSUPERUSER; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
                connection);
            await command.ExecuteNonQueryAsync();
        }

        var notSuperuser = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = role }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("schemaplan-locations-");
        try
        {
            var file = Path.Combine(folder.FullName, "schema.sql");
            await File.WriteAllTextAsync(file, Ddl);
            await using var scratch = new ScratchServer(notSuperuser);
            var desired = await SchemaSources.LoadAsync(file, scratch, CancellationToken.None);

            Assert.Equal(DdlEventLog.NotSuperuserWarning, desired.Locations.Warning);
            Assert.Equal(new SourceLocation(file, 1, 14), desired.Locations.Table(new QualifiedName("public", "t")));
            Assert.Equal(new SourceLocation(file, 2, 14), desired.Locations.Index("public", "t_code_idx"));
            Assert.Null(desired.Locations.Column(new QualifiedName("public", "t"), "code"));

            var empty = new LoadedSchema(new DatabaseSchema(SchemaModel.Empty, null, EquatableArray<TableStatistics>.Empty), "empty", []);
            var analysis = SchemaAnalyzer.Analyze(empty, desired, new AnalysisRequest("empty", file, SchemaPlannerConfig.Empty, notSuperuser));
            Assert.Single(analysis.Diff.Warnings, w => w == DdlEventLog.NotSuperuserWarning);
            Assert.All(analysis.Changes, c => Assert.Equal(file, c.Location?.File));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
