using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DETACH PARTITION takes ACCESS EXCLUSIVE on the parent (every query on the partitioned table waits).
/// PostgreSQL 14+ can DETACH … CONCURRENTLY with SHARE UPDATE EXCLUSIVE instead, unless the parent has a
/// default partition.
/// </summary>
public sealed class SP1006DetachingPartition : SafetyRule
{
    public override string Id => "SP1006";

    public override string Name => "detaching-partition";

    public override string Summary => "Detaching a partition takes an ACCESS EXCLUSIVE lock on the parent unless done CONCURRENTLY (PostgreSQL 14+).";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterTable alter
            || !alter.Changed.HasFlag(TableChange.PartitionOf)
            || alter.Old.PartitionOf is not { } parent
            || (alter.New.PartitionOf == parent && alter.New.PartitionBound == alter.Old.PartitionBound))
        {
            yield break;
        }

        var hasDefault = context.From.Tables.Any(t => t.PartitionOf == parent && t.PartitionBound == "DEFAULT" && t.Name != alter.Old.Name);
        var concurrent = context.MajorVersion >= 14 && !hasDefault;
        var why = context.MajorVersion < 14
            ? " (DETACH … CONCURRENTLY needs PostgreSQL 14)"
            : hasDefault ? $" (DETACH … CONCURRENTLY is not allowed while {parent} has a default partition)" : "; DETACH PARTITION CONCURRENTLY only takes SHARE UPDATE EXCLUSIVE";
        yield return Hazard(
            HazardKind.Lock,
            context.CostSeverity(parent),
            $"detaching {change.Object} from {parent} takes an ACCESS EXCLUSIVE lock on {parent}, blocking every query on it{why}",
            concurrent ? Recipes.DetachPartitionConcurrently : Recipes.WithLockTimeout,
            Locks.AccessExclusive);
    }
}
