using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Widening an integer primary key (integer → bigint) rewrites the table and every index, and the foreign keys
/// that reference it must follow. The planner's bigint-primary-key recipe does it with a shadow column.
/// </summary>
public sealed class SP2006ChangingPrimaryKeyToBigint : SafetyRule
{
    public override string Id => "SP2006";

    public override string Name => "changing-primary-key-to-bigint";

    public override string Summary => "Widening an integer primary key to bigint rewrites the table and must carry its foreign keys along.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter || context.IsNewTable(alter.TableName) || !Applies(alter, context))
        {
            yield break;
        }

        var references = SchemaFacts.ReferencingForeignKeys(context.From, alter.TableName, alter.Old.Name);
        var referenced = references.Count == 0
            ? ""
            : $"; referenced by {references.Count} foreign key{(references.Count == 1 ? "" : "s")} ({string.Join(", ", references.Select(r => r.Table + "." + Model.Sql.Quote(r.Constraint.Name)))})";
        yield return Hazard(
            HazardKind.Rewrite,
            context.CostSeverity(alter.TableName),
            $"changing primary key column {change.Object} from {alter.Old.Type} to {alter.New.Type} rewrites {alter.TableName}{context.SizeNote(alter.TableName)} and its indexes under an ACCESS EXCLUSIVE lock{referenced}",
            Recipes.BigintPrimaryKey,
            Locks.AccessExclusive);
    }

    /// <summary>An integer widening of a column of the current primary key.</summary>
    internal static bool Applies(AlterColumn alter, ClassificationContext context) =>
        alter.Changed.HasFlag(ColumnChange.Type)
        && TypeChanges.IsIntegerWidening(alter.Old.Type, alter.New.Type)
        && context.From.FindTable(alter.TableName)?.PrimaryKey is { } key
        && key.Columns.Contains(alter.Old.Name);
}
