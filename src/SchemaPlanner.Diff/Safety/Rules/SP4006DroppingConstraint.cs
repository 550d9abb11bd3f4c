using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DROP CONSTRAINT is catalog-only but takes a brief ACCESS EXCLUSIVE lock (on both tables for a foreign key),
/// which queues behind running queries: it runs with lock_timeout.
/// </summary>
public sealed class SP4006DroppingConstraint : SafetyRule
{
    public override string Id => "SP4006";

    public override string Name => "dropping-constraint";

    public override string Summary => "Dropping a constraint takes a brief ACCESS EXCLUSIVE lock (both tables for a foreign key); it runs with lock_timeout.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropConstraint drop)
        {
            yield break;
        }

        var referenced = drop.Constraint is { Kind: ConstraintKind.ForeignKey, ReferencedTable: { } r } && r != drop.TableName ? $" and {r}" : "";
        var index = drop.Constraint.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.Exclusion
            ? "; its index goes with it"
            : "";
        yield return Hazard(
            HazardKind.Lock,
            Severity.Warning,
            $"dropping constraint {change.Object} takes a brief ACCESS EXCLUSIVE lock on {drop.TableName}{referenced}{index}",
            Recipes.WithLockTimeout,
            Locks.AccessExclusive);
    }
}
