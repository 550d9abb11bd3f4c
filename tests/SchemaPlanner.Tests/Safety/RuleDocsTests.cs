using System.Text.RegularExpressions;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.Safety;

/// <summary>Every rule has a page under docs/rules with the fixed sections, every page a rule, and the README lists them all.</summary>
public sealed partial class RuleDocsTests
{
    private static readonly string[] Sections =
    [
        "## Problem",
        "## Why",
        "## What SchemaPlanner plans instead",
        "## Instead of",
        "## Use",
        "## Accepting it",
    ];

    public static TheoryData<string> RuleIds() => [.. RuleRegistry.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_with_the_fixed_sections(string id)
    {
        var rule = RuleRegistry.Find(id)!;
        var path = Path.Combine(RulesFolder(), id + ".md");
        Assert.True(File.Exists(path), $"missing docs/rules/{id}.md");
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');

        Assert.Equal($"# {rule.Id}: {rule.Name}", lines[0].TrimEnd());
        var positions = Sections.Select(s => Array.FindIndex(lines, l => l.TrimEnd() == s)).ToList();
        Assert.All(Sections.Zip(positions), p => Assert.True(p.Second > 0, $"{id}.md lacks '{p.First}'"));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("https://www.postgresql.org/docs/", text, StringComparison.Ordinal);
        Assert.Contains($"\"rule\": \"{rule.Id}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Every_page_has_a_rule()
    {
        var pages = Directory.GetFiles(RulesFolder(), "SP*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        var orphans = pages.Where(p => RuleRegistry.Find(p!) is null).ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Readme_lists_every_rule_with_its_name()
    {
        var readme = File.ReadAllText(Path.Combine(RulesFolder(), "README.md"));
        var listed = TableRow().Matches(readme).Select(m => (Id: m.Groups["id"].Value, Name: m.Groups["name"].Value)).ToList();

        foreach (var rule in RuleRegistry.All)
        {
            Assert.Contains((rule.Id, rule.Name), listed);
        }

        Assert.All(listed, row => Assert.NotNull(RuleRegistry.Find(row.Id)));
    }

    private static string RulesFolder() => Path.Combine(RepositoryPaths.RepositoryRoot(), "docs", "rules");

    // | [SP1001](SP1001.md) | dropping-table | …
    [GeneratedRegex(@"^\| \[(?<id>SP\d{4})\]\(\k<id>\.md\) \| `?(?<name>[a-z0-9-]+)`? \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
