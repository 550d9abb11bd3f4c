using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>A single-column primary key widened to bigint together with a column of another table referencing it.</summary>
internal static class KeyWidening
{
    public static bool WithReferences(AlterColumn alter, PlanningContext context)
    {
        if (!alter.Changed.HasFlag(ColumnChange.Type) || alter.New.Type != "bigint" || alter.Old.Type is not ("integer" or "smallint"))
        {
            return false;
        }

        var key = context.From.FindTable(alter.TableName)?.PrimaryKey;
        if (key is null || key.Columns.Count != 1 || key.Columns[0] != alter.Old.Name)
        {
            return false;
        }

        return context.Changes.Any(c => c.Change is AlterColumn child
            && child.Changed.HasFlag(ColumnChange.Type)
            && child.New.Type == "bigint"
            && context.From.FindTable(child.TableName)?.Constraints.Any(f =>
                f.Kind == Model.ConstraintKind.ForeignKey && f.ReferencedTable == alter.TableName && f.Columns.Count == 1
                && f.Columns[0] == child.Old.Name && f.ReferencedColumns[0] == alter.Old.Name) == true);
    }
}
