using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>RENAME COLUMN: the running application's queries name the old column.</summary>
public sealed class SP2004RenamingColumn : SafetyRule
{
    public override string Id => "SP2004";

    public override string Name => "renaming-column";

    public override string Summary => "Renaming a column breaks the application version that still uses the old name.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not RenameColumn rename || context.IsNewTable(rename.TableName))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"renaming column {change.Object} to {Model.Sql.Quote(rename.New.Name)} breaks the application version that still uses the old name",
            Recipes.RenameColumnWithSync,
            Locks.AccessExclusive);
    }
}
