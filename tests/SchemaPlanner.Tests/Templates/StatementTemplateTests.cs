using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Templates;

/// <summary>
/// Statement templates (<c>sql/statements/KIND/NAME.sbn</c>): one per statement record, found from the record's
/// type, overridable like every template, and reaching the plain DDL of a plan.
/// </summary>
public sealed class StatementTemplateTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("schemaplan-statements-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Every_statement_record_has_its_template_and_every_statement_template_a_record()
    {
        Assert.NotEmpty(SqlStatements.Records);
        var bound = SqlStatements.Records.Select(SqlStatements.TemplateOf).ToList();
        foreach (var (record, name) in SqlStatements.Records.Zip(bound))
        {
            Assert.True(TemplateCatalog.Names.Contains(name), $"{record.DeclaringType!.Name}.{record.Name} has no template {name}");
        }

        var templates = TemplateCatalog.Names.Where(n => n.StartsWith(SqlStatements.Folder, StringComparison.Ordinal)).ToList();
        Assert.Equal(templates.Order(StringComparer.Ordinal), bound.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_record_outside_a_kind_class_is_refused_with_how_to_name_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlStatements.TemplateOf(typeof(Stray)));
        Assert.Contains("KindSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_of_a_statement_template_reaches_the_plain_ddl_and_runs()
    {
        var path = Path.Combine(folder.FullName, "sql", "statements", "schema", "create.sbn");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "CREATE SCHEMA IF NOT EXISTS {{ name | sql.ident }} -- ours\n");
        var ddl = new DdlWriter(new StatementRenderer(new TemplateCatalog(folder.FullName)));

        var statements = ddl.Statements(new CreateSchema(new Schema("Sales Area", EquatableArray<string>.Empty)));

        Assert.Equal(["CREATE SCHEMA IF NOT EXISTS \"Sales Area\" -- ours"], statements);
        Assert.Equal(["CREATE SCHEMA \"Sales Area\""], BuiltInSql.Ddl.Statements(new CreateSchema(new Schema("Sales Area", EquatableArray<string>.Empty))));
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync();
        await database.ExecuteAsync(statements[0]);
        await database.ExecuteAsync(statements[0]);
        Assert.Equal(1L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'Sales Area'"));
    }

    [Fact]
    public void A_typo_in_a_statement_override_names_its_file_and_line()
    {
        var path = Path.Combine(folder.FullName, "sql", "statements", "index", "drop.sbn");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "DROP INDEX\n  {{ indx | sql.qname }}\n");
        var renderer = new StatementRenderer(new TemplateCatalog(folder.FullName));

        var error = Assert.Throws<Errors.SchemaPlannerException>(() => renderer.Render(new IndexSql.Drop(new QualifiedName("public", "i"))));

        Assert.Contains(path + ":2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("indx", error.Message, StringComparison.Ordinal);
    }

    private sealed record Stray : ISqlStatement;
}
