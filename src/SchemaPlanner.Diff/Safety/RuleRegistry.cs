using System.Reflection;

namespace SchemaPlanner.Safety;

/// <summary>The central list of rules: every concrete <see cref="SafetyRule"/> in this assembly, ordered by id.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<SafetyRule> All { get; } = typeof(SafetyRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(SafetyRule)) && !t.IsAbstract)
        .Select(t => (SafetyRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToList();

    public static SafetyRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
