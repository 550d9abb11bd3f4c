using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD PRIMARY KEY builds a unique index under ACCESS EXCLUSIVE and, for nullable key columns, also scans the
/// table to set NOT NULL.
/// </summary>
public sealed class SP4002AddingPrimaryKey : SafetyRule
{
    public override string Id => "SP4002";

    public override string Name => "adding-primary-key";

    public override string Summary => "Adding a primary key builds its index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddConstraint { Constraint.Kind: ConstraintKind.PrimaryKey } add || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        var table = context.From.FindTable(add.TableName);
        var nullable = add.Constraint.Columns.Where(c => table?.FindColumn(c) is { NotNull: false }).Select(Model.Sql.Quote).ToList();
        var notNull = nullable.Count == 0 ? "" : $", and scans it to make {string.Join(", ", nullable)} NOT NULL";
        yield return Hazard(
            HazardKind.IndexBuild,
            context.CostSeverity(add.TableName),
            $"adding primary key {change.Object} builds its index over {add.TableName}{context.SizeNote(add.TableName)} under an ACCESS EXCLUSIVE lock{notNull}",
            Recipes.PrimaryKeyUsingIndex,
            Locks.AccessExclusive);
    }
}
