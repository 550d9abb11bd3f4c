using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ATTACH PARTITION scans the attached table (and the parent's default partition) to prove every row fits the
/// bound, unless a valid CHECK constraint already implies it. CREATE TABLE … PARTITION OF locks the parent.
/// </summary>
public sealed class SP1005AttachingPartition : SafetyRule
{
    public override string Id => "SP1005";

    public override string Name => "attaching-partition";

    public override string Summary => "Attaching a partition scans it (and the default partition) to check the bound; creating one locks the parent.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        switch (change)
        {
            case AlterTable alter when alter.Changed.HasFlag(TableChange.PartitionOf)
                && alter.New.PartitionOf is { } parent
                && (alter.Old.PartitionOf != parent || alter.Old.PartitionBound != alter.New.PartitionBound)
                && !context.IsNewTable(alter.New.Name):
            {
                var parentLock = context.MajorVersion >= 12 ? "SHARE UPDATE EXCLUSIVE on " + parent : "ACCESS EXCLUSIVE on " + parent;
                yield return Hazard(
                    HazardKind.Scan,
                    context.CostSeverity(alter.New.Name),
                    $"attaching {change.Object}{context.SizeNote(alter.New.Name)} to {parent} scans it under an ACCESS EXCLUSIVE lock ({parentLock}) unless a valid CHECK constraint implies the bound {alter.New.PartitionBound}",
                    Recipes.AttachPartitionWithCheck,
                    Locks.AccessExclusive);
                foreach (var hazard in DefaultPartitionScan(parent, alter.New.Name, context))
                {
                    yield return hazard;
                }

                break;
            }

            case CreateTable create when create.Definition.PartitionOf is { } parent && !context.IsNewTable(parent):
                yield return Hazard(
                    HazardKind.Lock,
                    Severity.Warning,
                    $"creating {change.Object} as PARTITION OF {parent} takes an ACCESS EXCLUSIVE lock on {parent}; creating it standalone and attaching it only takes SHARE UPDATE EXCLUSIVE",
                    Recipes.AttachPartitionWithCheck,
                    Locks.AccessExclusive);
                foreach (var hazard in DefaultPartitionScan(parent, create.Definition.Name, context))
                {
                    yield return hazard;
                }

                break;
        }
    }

    private IEnumerable<Hazard> DefaultPartitionScan(QualifiedName parent, QualifiedName partition, ClassificationContext context)
    {
        var defaultPartition = context.From.Tables.FirstOrDefault(t =>
            t.PartitionOf == parent && t.PartitionBound == "DEFAULT" && t.Name != partition);
        if (defaultPartition is not null && !context.IsNewTable(defaultPartition.Name))
        {
            yield return Hazard(
                HazardKind.Scan,
                context.CostSeverity(defaultPartition.Name),
                $"adding partition {partition} to {parent} scans the default partition {defaultPartition.Name}{context.SizeNote(defaultPartition.Name)} under an ACCESS EXCLUSIVE lock for rows that belong to it",
                Recipes.AttachPartitionWithCheck,
                Locks.AccessExclusive);
        }
    }
}
