using System.Text.Json;
using SchemaPlanner.Tests.Cli;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// <c>plan --layout efcore</c>, proven with the real runner: the generated migration classes are copied into a
/// small EF Core app (configured as the README says: history table in the schemaplan schema, the model's pending
/// changes warning off since the plan, not EF's differ, makes the schema), built once, and
/// <c>dotnet ef database update &lt;last migration of a phase&gt;</c> runs the plan phase by phase on real PostgreSQL
/// to the desired schema; going back over an irreversible step fails with its reason and changes nothing.
/// </summary>
public sealed class EfCoreLayoutTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Diagnostics;

        namespace Deploy.Data
        {
            public sealed class Article { public int Id { get; set; } public string Title { get; set; } = ""; public string Body { get; set; } = ""; }

            public sealed class ArticlesDb : DbContext
            {
                public DbSet<Article> Articles => Set<Article>();

                protected override void OnConfiguring(DbContextOptionsBuilder options) => options
                    .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", "schemaplan"))
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

                protected override void OnModelCreating(ModelBuilder model) => model.Entity<Article>().ToTable("articles");
            }
        }
        """;

    [Fact]
    public async Task Dotnet_ef_database_update_applies_the_efcore_layout_phase_by_phase_to_the_desired_schema()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(PlannedSample.Current);
        using var folder = new Cli.Cli.Folder(("schema.sql", PlannedSample.Desired), ("schemaplan.json", """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0 }"""));
        var plan = folder.File("plan");
        var planned = Cli.Cli.Run(
            "plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString,
            "--out", plan, "--no-rehearse", "--layout", "efcore", "--efcore-context", "Deploy.Data.ArticlesDb", "--efcore-timestamp", "20260101120000");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        Assert.Contains("efcore: 1/pre-deploy: dotnet ef database update R1PreDeploy003CreateIndexArticlesTitleIdx", planned.Err, StringComparison.Ordinal);

        var migrations = Directory.GetFiles(Path.Combine(plan, "efcore"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("20260101120000_R1PreDeploy001AddColumnBody.cs", migrations[0]);
        Assert.Equal(10, migrations.Count);
        var index = File.ReadAllText(Path.Combine(plan, "efcore", migrations[2]!));
        Assert.Contains("[DbContext(typeof(Deploy.Data.ArticlesDb))]", index, StringComparison.Ordinal);
        Assert.Contains("namespace Deploy.Data.Migrations", index, StringComparison.Ordinal);
        Assert.Contains("suppressTransaction: true", index, StringComparison.Ordinal);
        Assert.DoesNotContain("suppressTransaction", File.ReadAllText(Path.Combine(plan, "efcore", migrations[0]!)), StringComparison.Ordinal);

        using var app = new Cli.Cli.Folder();
        EfCoreProject.Scaffold(app.Path, app.File("Deploy.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup>
                {{EfCoreProject.PackageReferences}}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(app.File("ArticlesDb.cs"), Context);
        Directory.CreateDirectory(app.File("Migrations"));
        foreach (var file in Directory.GetFiles(Path.Combine(plan, "efcore"), "*.cs"))
        {
            File.Copy(file, Path.Combine(app.File("Migrations"), Path.GetFileName(file)));
        }

        await EfCoreProject.RunAsync(app.Path, "tool", "restore");
        await EfCoreProject.RunAsync(app.Path, "build", "-nologo", "-v", "q");
        Task<string> Update(string migration) => EfCoreProject.RunAsync(app.Path, "ef", "database", "update", migration, "--no-build", "--connection", database.ConnectionString);

        await Update("R1PreDeploy003CreateIndexArticlesTitleIdx");
        Assert.True(await database.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_title_idx'::regclass"));
        Assert.Equal(300L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NULL"));
        Assert.Equal(3L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.\"__EFMigrationsHistory\""));

        await Update("R1Verify001VerifyBody");
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));

        await Update(Path.GetFileNameWithoutExtension(migrations[^1]!)[15..]);
        Assert.Equal(10L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.\"__EFMigrationsHistory\""));
        var rediff = Cli.Cli.Run("diff", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server.ConnectionString, "--format", "json");
        Assert.True(rediff.Exit == ExitCodes.Ok, rediff.Err);
        using (var diff = JsonDocument.Parse(rediff.Out))
        {
            Assert.Empty(diff.RootElement.GetProperty("changes").EnumerateArray());
        }

        // Release 2 dropped the old column: its Down throws with the reason, and nothing is undone.
        var back = await EfCoreProject.RunFailingAsync(app.Path, "ef", "database", "update", "R1PostDeploy003SetNotNullBody", "--no-build", "--connection", database.ConnectionString);
        Assert.Contains("cannot be undone: text is gone", back, StringComparison.Ordinal);
        Assert.False(await database.QueryScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'text' AND NOT attisdropped)"));
        Assert.Equal(10L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.\"__EFMigrationsHistory\""));

        // The same migrations as a migration bundle (what a pipeline ships instead of the SDK): phase by phase too.
        await using var bundled = await server.CreateDatabaseAsync(PlannedSample.Current);
        var bundle = app.File("efbundle");
        await EfCoreProject.RunAsync(app.Path, "ef", "migrations", "bundle", "--no-build", "--force", "--output", bundle);
        await EfCoreProject.RunExecutableAsync(app.Path, bundle, "R1PreDeploy003CreateIndexArticlesTitleIdx", "--connection", bundled.ConnectionString);
        Assert.True(await bundled.QueryScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_title_idx'::regclass"));
        Assert.Equal(3L, await bundled.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.\"__EFMigrationsHistory\""));
        await EfCoreProject.RunExecutableAsync(app.Path, bundle, "--connection", bundled.ConnectionString);
        Assert.Equal(10L, await bundled.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.\"__EFMigrationsHistory\""));
        var bundledRediff = Cli.Cli.Run("diff", "--database", bundled.ConnectionString, "--desired", folder.File("schema.sql"), "--dev-database", server.ConnectionString, "--format", "json");
        Assert.True(bundledRediff.Exit == ExitCodes.Ok, bundledRediff.Err);
        using var bundledDiff = JsonDocument.Parse(bundledRediff.Out);
        Assert.Empty(bundledDiff.RootElement.GetProperty("changes").EnumerateArray());
    }
}
