namespace SchemaPlanner.Planning;

/// <summary>Every concrete <see cref="Recipe"/> in this assembly, by name and in priority order.</summary>
public static class RecipeRegistry
{
    /// <summary>Highest priority (lowest number) first.</summary>
    public static IReadOnlyList<Recipe> ByPriority { get; } = typeof(Recipe).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Recipe)) && !t.IsAbstract)
        .Select(t => (Recipe)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Priority)
        .ToList();

    public static IReadOnlyDictionary<string, Recipe> All { get; } = ByPriority.ToDictionary(r => r.Name, StringComparer.Ordinal);
}
