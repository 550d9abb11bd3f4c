using SchemaPlanner.Planning;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>Every recipe a hazard can name exists, each declares its own priority, and no two share one.</summary>
public sealed class RecipeRegistryTests
{
    [Fact]
    public void Every_recipe_name_hazards_use_has_exactly_one_recipe()
    {
        var names = typeof(SchemaPlanner.Safety.Recipes).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(names, RecipeRegistry.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Priorities_are_unique_and_as_is_comes_last()
    {
        var priorities = RecipeRegistry.ByPriority.Select(r => r.Priority).ToList();
        Assert.Equal(priorities.Count, priorities.Distinct().Count());
        Assert.Equal(SchemaPlanner.Safety.Recipes.AsIs, RecipeRegistry.ByPriority[^1].Name);
        Assert.Equal(SchemaPlanner.Safety.Recipes.Offline, RecipeRegistry.ByPriority[0].Name);
    }

    [Fact]
    public void Every_recipe_has_its_page_under_docs_recipes_linked_from_the_readme()
    {
        var root = SchemaPlanner.Tests.Infrastructure.RepositoryPaths.RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        foreach (var name in RecipeRegistry.All.Keys)
        {
            var page = Path.Combine(root, "docs", "recipes", name + ".md");
            Assert.True(File.Exists(page), $"docs/recipes/{name}.md is missing (scripts/recipe-docs.py writes it)");
            Assert.Contains($"[`{name}`](docs/recipes/{name}.md)", readme, StringComparison.Ordinal);
            Assert.Contains("## When the planner picks it", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }
}
