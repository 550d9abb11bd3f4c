namespace SchemaPlanner.Planning;

/// <summary>Every concrete <see cref="Recipe"/> in this assembly, by name.</summary>
public static class RecipeRegistry
{
    public static IReadOnlyDictionary<string, Recipe> All { get; } = typeof(Recipe).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Recipe)) && !t.IsAbstract)
        .Select(t => (Recipe)Activator.CreateInstance(t)!)
        .ToDictionary(r => r.Name, StringComparer.Ordinal);
}
