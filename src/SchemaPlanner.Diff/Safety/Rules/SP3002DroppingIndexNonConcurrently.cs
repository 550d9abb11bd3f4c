using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table: it waits for, and then blocks, every query.</summary>
public sealed class SP3002DroppingIndexNonConcurrently : SafetyRule
{
    public override string Id => "SP3002";

    public override string Name => "dropping-index-non-concurrently";

    public override string Summary => "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table; DROP INDEX CONCURRENTLY does not.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not DropIndex drop || context.IsNewTable(drop.TableName))
        {
            yield break;
        }

        // Indexes on partitioned tables cannot be dropped CONCURRENTLY.
        var partitioned = context.From.FindTable(drop.TableName)?.Kind == TableKind.Partitioned;
        yield return Hazard(
            HazardKind.Lock,
            context.CostSeverity(drop.TableName),
            partitioned
                ? $"dropping index {change.Object} takes an ACCESS EXCLUSIVE lock on partitioned table {drop.TableName}{context.SizeNote(drop.TableName)} and all its partitions (CONCURRENTLY is not supported there); queries that used it get slower"
                : $"dropping index {change.Object} takes an ACCESS EXCLUSIVE lock on {drop.TableName}{context.SizeNote(drop.TableName)}, blocking reads and writes; queries that used it get slower",
            partitioned ? Recipes.WithLockTimeout : Recipes.DropIndexConcurrently,
            Locks.AccessExclusive);
    }
}
