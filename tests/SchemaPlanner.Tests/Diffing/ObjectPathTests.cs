using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using Xunit;

namespace SchemaPlanner.Tests.Diffing;

public sealed class ObjectPathTests
{
    [Theory]
    [InlineData("public.articles.text", new[] { "public", "articles", "text" })]
    [InlineData("Public.Articles", new[] { "public", "articles" })]
    [InlineData("public.\"Order Items\".\"select\"", new[] { "public", "Order Items", "select" })]
    [InlineData("\"a.b\".\"say \"\"hi\"\"\"", new[] { "a.b", "say \"hi\"" })]
    public void Parses_sql_identifier_syntax(string text, string[] expected) =>
        Assert.Equal(expected, ObjectPath.Parse(text, "test"));

    [Theory]
    [InlineData("public..x")]
    [InlineData("public.\"open")]
    [InlineData("public.order items")]
    [InlineData("")]
    public void Rejects_malformed_names_saying_where(string text)
    {
        var error = Assert.Throws<SchemaPlannerException>(() => ObjectPath.Parse(text, "schemaplan.json: hints[3]"));
        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("schemaplan.json: hints[3]: invalid name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_errors_name_the_file_and_the_hint()
    {
        var error = Assert.Throws<SchemaPlannerException>(() => SchemaPlannerConfig.Parse("""{ "hints": [ { "rename": "public.a.b.c", "to": "x" } ] }""", "cfg.json"));
        Assert.Contains("cfg.json: hints[0]", error.Message, StringComparison.Ordinal);

        var syntax = Assert.Throws<SchemaPlannerException>(() => SchemaPlannerConfig.Parse("{\n  \"hints\": [ ,\n}", "cfg.json"));
        Assert.StartsWith("cfg.json(2,", syntax.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_reads_hints_allow_and_settings()
    {
        var config = SchemaPlannerConfig.Parse("""
            { "hints": [ { "rename": "public.articles.text", "to": "body" }, { "column": "public.users.name", "using": "split_part(\"user\", ' ', 1)" } ],
              "allow": [ { "rule": "SP2003", "object": "public.users.legacy", "reason": "never read" } ],
              "smallTableRows": 50, "batchSize": 500, "lockTimeout": "1s" }
            """, "schemaplan.json");
        Assert.Equal("body", Assert.Single(config.Renames).To);
        Assert.Equal("split_part(\"user\", ' ', 1)", Assert.Single(config.Columns).Using);
        Assert.Equal("never read", Assert.Single(config.Allow).Reason);
        Assert.Equal((50L, 500, "1s"), (config.Settings.SmallTableRows, config.Settings.BatchSize, config.Settings.LockTimeout));
    }
}
