using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// A table's partition key (or whether it is partitioned at all) cannot be altered: the table must be re-created
/// and its rows copied. There is no online path.
/// </summary>
public sealed class SP1004ChangingPartitioning : SafetyRule
{
    public override string Id => "SP1004";

    public override string Name => "changing-partitioning";

    public override string Summary => "Changing a table's partition key or partitioning it needs the table re-created: no online path.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterTable alter || !alter.Changed.HasFlag(TableChange.PartitionKey) || context.IsNewTable(alter.New.Name))
        {
            yield break;
        }

        var what = (alter.Old.Kind, alter.New.Kind) switch
        {
            (TableKind.Regular, TableKind.Partitioned) => "partitioning",
            (TableKind.Partitioned, TableKind.Regular) => "un-partitioning",
            _ => "changing the partition key of",
        };
        yield return Hazard(
            HazardKind.NoOnlinePath,
            context.CostSeverity(alter.New.Name),
            $"{what} table {change.Object}{context.SizeNote(alter.New.Name)} means re-creating it and copying every row: there is no online path",
            Recipes.Offline,
            Locks.AccessExclusive);
    }
}
