using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// A new collation keeps the stored bytes (no table rewrite) but changes how values compare and sort, so every
/// index on the column is rebuilt under ACCESS EXCLUSIVE.
/// </summary>
public sealed class SP2010ChangingColumnCollation : SafetyRule
{
    public override string Id => "SP2010";

    public override string Name => "changing-column-collation";

    public override string Summary => "Changing a column's collation rebuilds its indexes under an ACCESS EXCLUSIVE lock and changes comparisons and ordering.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Collation)
            || context.IsNewTable(alter.TableName)
            || (alter.Changed.HasFlag(ColumnChange.Type) && SP2005ChangingColumnTypeWithRewrite.Rewrites(alter.Old, alter.New, context)))
        {
            // A rewriting type change rebuilds everything anyway; SP2005 reports it.
            yield break;
        }

        var from = alter.Old.Collation ?? "the default collation";
        var to = alter.New.Collation ?? "the default collation";
        var indexes = SchemaFacts.IndexesOn(context.From, alter.TableName, alter.Old.Name);
        if (indexes.Count > 0)
        {
            yield return Hazard(
                HazardKind.IndexBuild,
                context.CostSeverity(alter.TableName),
                $"changing the collation of {change.Object} from {from} to {to} rebuilds {string.Join(", ", indexes.Select(i => Model.Sql.Quote(i.Name)))} on {alter.TableName}{context.SizeNote(alter.TableName)} under an ACCESS EXCLUSIVE lock",
                Recipes.ShadowColumnTypeChange,
                Locks.AccessExclusive);
        }
        else
        {
            yield return Hazard(
                HazardKind.Lock,
                Severity.Warning,
                $"changing the collation of {change.Object} from {from} to {to} changes how the running application's comparisons and ORDER BY behave",
                Recipes.WithLockTimeout,
                Locks.AccessExclusive);
        }
    }
}
