using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Architecture;

/// <summary>
/// SQL lives in templates (what the planner writes for the user, <c>sql/statements/KIND/NAME.sbn</c>) and in
/// embedded <c>Queries/*.sql</c> files (what SchemaPlanner.Postgres runs for itself). A few statements of
/// execution and introspection plumbing (transaction and savepoint control, session resets) stay in C#: at most
/// <see cref="Allowed"/>. See <see cref="SqlStatementLiterals"/> for what counts as a statement.
/// </summary>
public sealed class SqlLiteralTests
{
    public const int Allowed = 15;

    [Fact]
    public void At_most_fifteen_SQL_statement_literals_are_left_in_src()
    {
        var root = RepositoryPaths.RepositoryRoot();
        var statements = (
            from file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            let relative = Path.GetRelativePath(root, file).Replace('\\', '/')
            where !relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal)
            from literal in CSharpStringLiterals.Read(File.ReadAllText(file))
            where SqlStatementLiterals.IsStatement(literal.Text)
            orderby relative, literal.Line
            select $"{relative}:{literal.Line}: {Shorten(literal.Text)}").ToList();

        Assert.True(
            statements.Count <= Allowed,
            $"{statements.Count} SQL statement literals in src/**/*.cs, at most {Allowed} allowed; move statements the planner writes into a template " +
            "(sql/statements/KIND/NAME.sbn) and queries SchemaPlanner.Postgres runs into an embedded Queries/*.sql file (EmbeddedSql). Counted:\n" +
            string.Join("\n", statements));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("  -- why\n  SELECT count(*) FROM {table}")]
    [InlineData("/* note */ INSERT INTO t (a) VALUES ($1)")]
    [InlineData("RESET ALL")]
    [InlineData("SET LOCAL search_path = pg_catalog")]
    [InlineData("ROLLBACK TO SAVEPOINT sp_control")]
    [InlineData("DO $seed$\nBEGIN\n    NULL;\nEND\n$seed$")]
    [InlineData("DROP DATABASE IF EXISTS {Quote(Name)}")]
    [InlineData("SELECT set_config('schemaplan.statement', 'the value', false)")]
    public void Statements_are_counted(string literal) => Assert.True(SqlStatementLiterals.IsStatement(literal), literal);

    [Theory]
    [InlineData("Set NOT NULL on a column")]
    [InlineData("SET NOT NULL on {change.Object} scans {table} under an ACCESS EXCLUSIVE lock")]
    [InlineData("CREATE INDEX blocks writes for the whole build; CREATE INDEX CONCURRENTLY does not.")]
    [InlineData("DROP EXPRESSION keeps the values of {change.Object}")]
    [InlineData("SET NULL")]
    [InlineData("SET LOGGED")]
    [InlineData("drop table {name} (no app version uses it any more)")]
    [InlineData("Show which steps of a plan ran")]
    [InlineData("SAVEPOINT ")]
    [InlineData("ROLLBACK")]
    [InlineData("SELECTED rows")]
    [InlineData("{verb} TABLE x")]
    public void Prose_clauses_and_fragments_are_not_counted(string literal) => Assert.False(SqlStatementLiterals.IsStatement(literal), literal);

    [Fact]
    public void Every_kind_of_literal_is_read()
    {
        const string source = """"
            // "SELECT in a comment"
            /* "SELECT in a block comment" */
            var c = '"';
            var a = "SELECT \"x\" FROM t";
            var b = @"DELETE FROM ""t""";
            var d = $"UPDATE {table} SET a = {(flag ? "1" : "2")}";
            var e = $@"INSERT INTO {t} VALUES (""x"")";
            var f = """
                CREATE TABLE t ("a" int)
                """;
            var g = $$"""
                ALTER TABLE {{name}} ADD {x}
                """;
            var h = "";
            """";

        var literals = CSharpStringLiterals.Read(source);

        Assert.Equal(
            [
                (4, "SELECT \"x\" FROM t"), (5, "DELETE FROM \"t\""), (6, "UPDATE {table} SET a = {(flag ? \"1\" : \"2\")}"), (6, "1"), (6, "2"),
                (7, "INSERT INTO {t} VALUES (\"x\")"), (8, "\n    CREATE TABLE t (\"a\" int)\n    "), (11, "\n    ALTER TABLE {name} ADD {x}\n    "), (14, ""),
            ],
            literals.Select(l => (l.Line, l.Text)));
    }

    private static string Shorten(string text)
    {
        var line = string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 100 ? line : line[..100] + "…";
    }
}
