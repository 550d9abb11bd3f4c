using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Templates;

/// <summary>
/// The Scriban engine: data bound to templates by type, no output or loop limit, strict variables, includes
/// confined to the template folders, overrides and export.
/// </summary>
public sealed class TemplateEngineTests : IDisposable
{
    private static readonly QualifiedName Orders = new("public", "orders");
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("schemaplan-templates-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Every_data_record_has_one_sql_template_and_every_sql_template_a_record()
    {
        var records = new[] { typeof(ITemplateData).Assembly, typeof(TemplateCatalog).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITemplateData).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Assert.True(SqlTemplates.ByDataType.TryGetValue(record, out var name), $"{record.Name} has no template in SqlTemplates");
            Assert.Contains(name, TemplateCatalog.Names);
        }

        var sqlTemplates = TemplateCatalog.Names.Where(n =>
            n.StartsWith("sql/", StringComparison.Ordinal) && !n.StartsWith(SqlTemplates.PartsFolder, StringComparison.Ordinal) && !n.StartsWith(SqlStatements.Folder, StringComparison.Ordinal));
        Assert.Equal(sqlTemplates.Order(StringComparer.Ordinal), SqlTemplates.ByDataType.Values.Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, SqlTemplates.ByDataType.Count);
    }

    [Fact]
    public async Task A_file_past_the_output_and_loop_limits_renders_completely_and_applies()
    {
        // 1,500 statements (Scriban's default loop limit is 1,000) of ~900 bytes each (its default output limit is 1 MiB).
        var filler = new string('x', 850);
        var statements = Enumerable.Range(1, 1500)
            .Select(i => $"CREATE TABLE big_{i} (id int PRIMARY KEY, note text DEFAULT '{filler}')")
            .ToList();
        var engine = new TemplateEngine(new TemplateCatalog(null));

        var body = engine.Render(new DdlData(statements));
        var file = engine.Render(new StepView(1, "pre-deploy", "up", "many tables", "test", [], true, "5s", null, true, 3, [], null, body));

        Assert.True(file.Length > 1_300_000, $"only {file.Length} characters");
        Assert.Contains(statements[^1] + ";\n", file, StringComparison.Ordinal);
        Assert.Equal(1500, file.Split('\n').Count(l => l.StartsWith("CREATE TABLE big_", StringComparison.Ordinal)));
        Assert.EndsWith("$retry$;\n", file, StringComparison.Ordinal);

        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();
        await database.ExecuteAsync("BEGIN;\n" + file + "COMMIT;\n");
        Assert.Equal(1500L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'big\\_%'"));
    }

    [Fact]
    public void A_typo_in_an_override_is_an_error_naming_the_file_and_line()
    {
        var path = Override("sql/ddl.sbn", "{{~ for statement in statements ~}}\n{{ statment }};\n{{~ end ~}}\n");
        var error = Assert.Throws<SchemaPlannerException>(() => Engine().Render(new DdlData(["SELECT 1"])));
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"{path}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("statment", error.Message, StringComparison.Ordinal);

        // A misspelt member is an error too, not an empty string.
        path = Override("sql/drop-index-concurrently.sbn", "-- fine\nDROP INDEX {{ index.nmae }};\n");
        error = Assert.Throws<SchemaPlannerException>(() => Engine().Render(new DropIndexData(Orders)));
        Assert.Contains($"{path}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_an_override_names_the_file_and_line()
    {
        var path = Override("sql/ddl.sbn", "-- ok\n-- ok\n{{ for statement in statements }}\n{{ statement }};\n");
        var error = Assert.Throws<SchemaPlannerException>(() => Engine().Render(new DdlData(["SELECT 1"])));
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_reads_the_override_first_then_the_built_in_template()
    {
        Override("sql/drop-sync-trigger.sbn", "-- our own drop of {{ trigger | sql.ident }}\n");
        var swap = new SwapData(new DropSyncTriggerData(Orders, "orders_sync", "orders_sync"), ["ALTER TABLE orders RENAME a TO b"], null);

        var ours = Engine().Render(swap);
        var builtIn = new TemplateEngine(new TemplateCatalog(null)).Render(swap);

        Assert.Equal("-- our own drop of orders_sync\nALTER TABLE orders RENAME a TO b;\n", ours);
        Assert.Equal("DROP TRIGGER IF EXISTS orders_sync ON public.orders;\nDROP FUNCTION IF EXISTS public.orders_sync();\nALTER TABLE orders RENAME a TO b;\n", builtIn);
    }

    [Theory]
    [InlineData("../secret.sbn")]
    [InlineData("sql/../../secret.sbn")]
    [InlineData("/etc/hostname")]
    [InlineData("sql/not-a-template.sbn")]
    public void An_include_outside_the_template_folders_is_an_error(string include)
    {
        File.WriteAllText(Path.Combine(folder.FullName, "secret.sbn"), "SECRET");
        var templates = folder.CreateSubdirectory("templates").FullName;
        Directory.CreateDirectory(Path.Combine(templates, "sql"));
        var path = Path.Combine(templates, "sql", "ddl.sbn");
        File.WriteAllText(path, $"-- before\n{{{{ include '{include}' }}}}\n");

        var error = Assert.Throws<SchemaPlannerException>(() => new TemplateEngine(new TemplateCatalog(templates)).Render(new DdlData([])));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"{path}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(include, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sql/backfill.hbs", "sql/backfill.sbn")]
    [InlineData("plan.md.hbs", "plan.md.sbn")]
    [InlineData("sql/sync-assign.hbs", "sql/parts/sync-assign.sbn")]
    public void A_handlebars_override_of_earlier_versions_is_refused_with_its_new_name(string old, string renamed)
    {
        var path = Override(old, "{{#each Assignments}}{{/each}}");

        var error = Assert.Throws<SchemaPlannerException>(() => new TemplateCatalog(folder.FullName));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith(path + ": templates are now Scriban templates (.sbn)", error.Message, StringComparison.Ordinal);
        Assert.Contains("rename it to " + renamed, error.Message, StringComparison.Ordinal);
        Assert.Contains(renamed, TemplateCatalog.Names);
    }

    [Fact]
    public void Exported_templates_are_the_defaults_and_render_the_same()
    {
        var written = TemplateCatalog.Export(folder.FullName, force: false);

        Assert.Equal(TemplateCatalog.Names.Count, written.Count);
        Assert.All(TemplateCatalog.Names, n => Assert.Equal(TemplateCatalog.Embedded(n), File.ReadAllText(Path.Combine(folder.FullName, n))));
        Assert.DoesNotContain(written, p => p.EndsWith(".hbs", StringComparison.Ordinal));
        Assert.Throws<SchemaPlannerException>(() => TemplateCatalog.Export(folder.FullName, force: false));

        var sync = new SyncTriggerData(Orders, "orders_sync", "orders_sync_trg", ["total"], ["total_new"],
            [new Assignment("total_new", "total::bigint") { Loss = "total > 10", LossType = "bigint" }], [new Assignment("total", "total_new::int")]);
        var data = new ITemplateData[]
        {
            new SwapTablesData("true", "done", ["LOCK TABLE orders"], [new DropSyncTriggerData(Orders, "f", "t")], ["SELECT 1"], [sync]),
            new BackfillData(Orders, [new KeyColumn("id", "bigint")], sync.Forward, 1000, 250),
            new BackfillBlocksData(Orders, sync.Forward, 1000, 250, OnlyWhereNull: true),
            new VerifyData(Orders, sync.Forward, [new VerifyCheck("true", "never")]) { Key = [new KeyColumn("id", "bigint")] },
        };
        var exported = Engine();
        var builtIn = new TemplateEngine(new TemplateCatalog(null));
        Assert.All(data, d => Assert.Equal(builtIn.Render(d), exported.Render(d)));
    }

    [Fact]
    public void The_sql_helpers_quote_shorten_and_list()
    {
        Override("sql/ddl.sbn", string.Join('\n',
            "{{ sql.ident \"Order\" }} {{ sql.ident \"select\" }} {{ sql.ident \"plain\" }}",
            "{{ sql.literal \"it's\" }} {{ sql.literal \"a\\\\b\" }} {{ sql.escape \"50% o'clock\" }}",
            $"{{{{ sql.shortname \"{new string('a', 70)}\" }}}}",
            "{{ sql.join statements }} | {{ sql.indent \"a\\nb\" 2 }}",
            ""));

        var text = Engine().Render(new DdlData(["x", "y"]));

        var lines = text.Split('\n');
        Assert.Equal("\"Order\" \"select\" plain", lines[0]);
        Assert.Equal("'it''s' E'a\\\\b' 50%% o''clock", lines[1]);
        Assert.Equal(63, lines[2].Length);
        Assert.StartsWith(new string('a', 54) + "_", lines[2], StringComparison.Ordinal);
        Assert.Equal("x, y |   a", lines[3]);
        Assert.Equal("  b", lines[4]);
    }

    private TemplateEngine Engine() => new(new TemplateCatalog(folder.FullName));

    private string Override(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
