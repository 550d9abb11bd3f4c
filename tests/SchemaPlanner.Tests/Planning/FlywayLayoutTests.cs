using System.Text.Json;
using EvolveDb;
using EvolveDb.Dialect;
using EvolveDb.Migration;
using Npgsql;
using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Tests.Cli;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// <c>plan --layout flyway</c>, proven with a real runner: Evolve (which reads Flyway's naming) applies the
/// flyway/ folder phase by phase on real PostgreSQL and ends in the desired schema.
/// </summary>
public sealed class FlywayLayoutTests
{
    [Fact]
    public async Task Evolve_applies_the_flyway_layout_phase_by_phase_to_the_desired_schema()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(PlannedSample.Current);
        using var folder = new Cli.Cli.Folder(("schema.sql", PlannedSample.Desired), ("schemaplan.json", """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0 }"""));
        var plan = folder.File("plan");
        var planned = Cli.Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", plan, "--no-rehearse", "--layout", "flyway");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);

        var flyway = Path.Combine(plan, "flyway");
        var versioned = Directory.GetFiles(flyway, "V*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("V1_1_001__add_column_body.sql", versioned);
        Assert.Contains("V2_4_002__drop_column_text.sql", versioned);
        Assert.All(versioned, v => Assert.True(File.Exists(Path.Combine(flyway, "U" + v![1..])), v));
        foreach (var file in versioned.Where(v => File.Exists(Path.Combine(flyway, v + ".conf"))))
        {
            var text = File.ReadAllText(Path.Combine(flyway, file!));
            Assert.StartsWith("-- evolve-tx-off\n", text, StringComparison.Ordinal);
            Assert.Single(SqlScript.Split(file!, text));
            Assert.Equal("executeInTransaction=false\n", File.ReadAllText(Path.Combine(flyway, file + ".conf")));
        }

        Assert.Contains(versioned, v => v!.StartsWith("V1_1_003_", StringComparison.Ordinal) && File.ReadAllText(Path.Combine(flyway, v)).Contains("CREATE INDEX CONCURRENTLY", StringComparison.Ordinal));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        void Migrate(string target)
        {
            var evolve = new Evolve(connection, _ => { }, DBMS.PostgreSQL)
            {
                Locations = [flyway],
                MetadataTableSchema = "schemaplan",
                MetadataTableName = "evolve_changelog",
                TargetVersion = new MigrationVersion(target),
                IsEraseDisabled = true,
            };
            evolve.Migrate();
        }

        Migrate("1.1.999");
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_title_idx'::regclass"));
        Assert.Equal(300L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NULL"));

        Migrate("1.3.999");
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        Assert.False(await database.QueryScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body'"));

        Migrate("2.4.999");
        var rediff = Cli.Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server.ConnectionString, "--format", "json");
        Assert.True(rediff.Exit == ExitCodes.Ok, rediff.Err);
        using var diff = JsonDocument.Parse(rediff.Out);
        Assert.Empty(diff.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal((long)versioned.Count, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.evolve_changelog WHERE type = 0 AND success"));
    }
}
