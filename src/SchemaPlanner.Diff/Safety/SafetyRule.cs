using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety;

/// <summary>
/// One safety rule: a stable id (<c>SPnnnn</c>, grouped by area: 1xxx tables, 2xxx columns, 3xxx indexes,
/// 4xxx constraints, 5xxx types, 6xxx views/functions/triggers/policies, 9xxx other), a short name, and a check
/// that looks at one change and returns the hazards it has. Each rule lives in its own file under
/// <c>Safety/Rules/</c> with a docs page <c>docs/rules/SPnnnn.md</c>.
/// </summary>
public abstract class SafetyRule
{
    public abstract string Id { get; }

    /// <summary>kebab-case name, e.g. <c>adding-not-null-column</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence: what the rule flags.</summary>
    public abstract string Summary { get; }

    public abstract IEnumerable<Hazard> Check(Change change, ClassificationContext context);

    protected Hazard Hazard(HazardKind kind, Severity severity, string message, string recipe, string? lockMode = null) =>
        new(Id, kind, severity, message, recipe, lockMode);
}
