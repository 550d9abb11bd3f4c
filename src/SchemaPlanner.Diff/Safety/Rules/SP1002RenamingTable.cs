using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>ALTER TABLE … RENAME TO: queries of the running application name the old table.</summary>
public sealed class SP1002RenamingTable : SafetyRule
{
    public override string Id => "SP1002";

    public override string Name => "renaming-table";

    public override string Summary => "Renaming a table breaks the application version that still uses the old name.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not RenameTable rename)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"renaming table {change.Object} to {rename.New.Name} breaks the application version that still uses the old name",
            Recipes.RenameTableWithView,
            Locks.AccessExclusive);
    }
}
