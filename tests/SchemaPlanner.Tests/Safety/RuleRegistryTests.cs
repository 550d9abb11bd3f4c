using System.Text.RegularExpressions;
using SchemaPlanner.Safety;
using Xunit;

namespace SchemaPlanner.Tests.Safety;

public sealed class RuleRegistryTests
{
    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        var rules = RuleRegistry.All;

        Assert.NotEmpty(rules);
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r => Assert.Matches("^SP[1-9][0-9]{3}$", r.Id));
        Assert.All(rules, r => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Name));
        Assert.All(rules, r => Assert.EndsWith(".", r.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_rule_class_is_named_after_its_id_and_name_and_lives_in_the_rules_namespace()
    {
        foreach (var rule in RuleRegistry.All)
        {
            var type = rule.GetType();
            Assert.Equal("SchemaPlanner.Safety.Rules", type.Namespace);
            var pascal = string.Concat(rule.Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            Assert.True(
                string.Equals(type.Name, rule.Id + pascal, StringComparison.OrdinalIgnoreCase),
                $"{type.Name} should be {rule.Id}{pascal}");
        }
    }

    [Fact]
    public void Ids_are_grouped_by_area()
    {
        var areas = new Dictionary<char, Regex>
        {
            ['1'] = new("(table|partition|row-level-security)"),
            ['2'] = new("column|not-null|primary-key-to-bigint|timestamp"),
            ['3'] = new("index"),
            ['4'] = new("constraint|primary-key|foreign-key"),
            ['5'] = new("enum|domain|type"),
            ['6'] = new("view|function|trigger|policy"),
            ['9'] = new(".*"),
        };
        Assert.All(RuleRegistry.All, r => Assert.Matches(areas[r.Id[2]], r.Name));
    }

    [Fact]
    public void Find_is_case_insensitive()
    {
        var first = RuleRegistry.All[0];
        Assert.Same(first, RuleRegistry.Find(first.Id.ToLowerInvariant()));
        Assert.Null(RuleRegistry.Find("SP0000"));
    }
}
