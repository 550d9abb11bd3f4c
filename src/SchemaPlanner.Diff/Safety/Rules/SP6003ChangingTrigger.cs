using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// CREATE TRIGGER (SHARE ROW EXCLUSIVE) and DROP TRIGGER (ACCESS EXCLUSIVE) are catalog-only but lock the table
/// briefly and change what the running application's writes do.
/// </summary>
public sealed class SP6003ChangingTrigger : SafetyRule
{
    public override string Id => "SP6003";

    public override string Name => "changing-trigger";

    public override string Summary => "Creating or dropping a trigger locks the table briefly and changes what writes do.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        switch (change)
        {
            case CreateTrigger create when !SchemaFacts.IsNewRelation(context, create.TableName):
                yield return Hazard(
                    HazardKind.Lock,
                    Severity.Warning,
                    $"creating trigger {change.Object} takes a brief SHARE ROW EXCLUSIVE lock and changes what the running application's writes do",
                    Recipes.WithLockTimeout,
                    Locks.ShareRowExclusive);
                break;
            case DropTrigger drop:
                yield return Hazard(
                    HazardKind.Lock,
                    Severity.Warning,
                    $"dropping trigger {change.Object} takes a brief ACCESS EXCLUSIVE lock and stops what it did for the running application's writes",
                    Recipes.WithLockTimeout,
                    Locks.AccessExclusive);
                break;
        }
    }
}
