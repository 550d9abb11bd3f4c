using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// On a table with row-level security, dropping a permissive policy or adding a restrictive one hides rows from
/// the running application (or rejects its writes); other policy changes change what it sees.
/// </summary>
public sealed class SP6004ChangingPolicy : SafetyRule
{
    public override string Id => "SP6004";

    public override string Name => "changing-policy";

    public override string Summary => "Dropping a permissive or adding a restrictive row-level security policy hides rows from the running application.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change.Table is not { } table || context.IsNewTable(table))
        {
            yield break;
        }

        // Policies only act while row-level security is on (before and after the change).
        var enforced = context.From.FindTable(table)?.RowLevelSecurity == true && context.To.FindTable(table)?.RowLevelSecurity == true;
        if (!enforced)
        {
            yield break;
        }

        var desired = context.To.FindTable(table);
        switch (change)
        {
            case DropPolicy drop when drop.Policy.Permissive && desired?.Policies.Any(p => p.Name == drop.Policy.Name) != true:
                yield return Hazard(
                    HazardKind.BreaksRunningApp,
                    Severity.Error,
                    $"dropping permissive policy {change.Object} hides the rows it granted from roles that relied on it",
                    Recipes.StopUsingThenDrop,
                    Locks.AccessExclusive);
                break;
            case CreatePolicy create when !create.Policy.Permissive:
                yield return Hazard(
                    HazardKind.BreaksRunningApp,
                    Severity.Error,
                    $"restrictive policy {change.Object} hides rows and rejects writes the running application's roles could do before",
                    Recipes.Manual,
                    Locks.AccessExclusive);
                break;
            case DropPolicy or CreatePolicy or AlterPolicy:
                yield return Hazard(
                    HazardKind.Lock,
                    Severity.Warning,
                    $"changing policy {change.Object} changes which rows the running application sees and may write",
                    Recipes.WithLockTimeout,
                    Locks.AccessExclusive);
                break;
        }
    }
}
