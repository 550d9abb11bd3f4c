using System.Reflection;
using SchemaPlanner.Changes;
using SchemaPlanner.Safety;
using Xunit;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// Runs one rule over one change and checks what every hazard must satisfy: the rule's id, a one-line message
/// naming the object, a recipe from <see cref="Recipes"/>, a lock from <see cref="Locks"/>, and compatibility
/// and data-loss hazards always errors.
/// </summary>
internal static class RuleCheck
{
    private static readonly HashSet<string> RecipeNames = Constants(typeof(Recipes));

    private static readonly HashSet<string> LockNames = Constants(typeof(Locks));

    public static IReadOnlyList<Hazard> Run<TRule>(Change change, ClassificationContext context)
        where TRule : SafetyRule, new()
    {
        var rule = new TRule();
        var hazards = rule.Check(change, context).ToList();
        foreach (var hazard in hazards)
        {
            AssertWellFormed(rule, change, hazard);
        }

        return hazards;
    }

    /// <summary>The single hazard of <paramref name="kind"/> the rule reports (fails if there is not exactly one).</summary>
    public static Hazard Single<TRule>(Change change, ClassificationContext context, HazardKind kind)
        where TRule : SafetyRule, new() =>
        Assert.Single(Run<TRule>(change, context), h => h.Kind == kind);

    public static void None<TRule>(Change change, ClassificationContext context)
        where TRule : SafetyRule, new() =>
        Assert.Empty(Run<TRule>(change, context));

    /// <summary>Every rule over the change: no hazard may block.</summary>
    public static void Safe(Change change, ClassificationContext context)
    {
        var classified = Assert.Single(Classifier.Classify([change], context, allow: []));
        foreach (var hazard in classified.Hazards)
        {
            AssertWellFormed(RuleRegistry.Find(hazard.Rule)!, change, hazard);
        }

        Assert.True(classified.Safe, "expected no blocking hazard, got: " + string.Join("; ", classified.Hazards.Where(h => h.Blocks).Select(h => h.Rule + " " + h.Message)));
    }

    public static void AssertWellFormed(SafetyRule rule, Change change, Hazard hazard)
    {
        Assert.Equal(rule.Id, hazard.Rule);
        Assert.DoesNotContain('\n', hazard.Message);
        Assert.DoesNotContain('\r', hazard.Message);
        Assert.Contains(change.Object, hazard.Message, StringComparison.Ordinal);
        Assert.Contains(hazard.Recipe, RecipeNames);
        if (hazard.Lock is not null)
        {
            Assert.Contains(hazard.Lock, LockNames);
        }

        if (hazard.Kind is HazardKind.BreaksRunningApp or HazardKind.DataLoss)
        {
            Assert.Equal(Severity.Error, hazard.Severity);
        }
    }

    private static HashSet<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
}
