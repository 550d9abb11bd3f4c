using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Acceptance;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Templates;

/// <summary><c>docs/templates.md</c> lists every statement template as the code has them.</summary>
public sealed class StatementReferenceTests
{
    [Fact]
    public void The_statement_template_page_is_current()
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot(), "docs", "templates.md");
        var actual = StatementReference.Markdown();
        if (AcceptanceCase.UpdateGolden)
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"docs/templates.md is missing; run with {AcceptanceCase.UpdateGoldenVariable}=1 to write it");
        Assert.True(File.ReadAllText(path) == actual, $"docs/templates.md is out of date; run with {AcceptanceCase.UpdateGoldenVariable}=1 and review the diff");
        foreach (var record in SqlStatements.Records)
        {
            Assert.Contains("`" + SqlStatements.TemplateOf(record) + "`", actual, StringComparison.Ordinal);
        }
    }
}
