using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Removing, renaming or reordering enum labels cannot be done in place (PostgreSQL only adds labels or renames
/// one): it takes a new type and a type change of every column using it, and the running application still reads
/// and writes the old labels.
/// </summary>
public sealed class SP5001ChangingEnumValues : SafetyRule
{
    public override string Id => "SP5001";

    public override string Name => "changing-enum-values";

    public override string Summary => "Removing, renaming or reordering enum values breaks the running application and rewrites every column of the type.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not ReplaceEnum replace)
        {
            yield break;
        }

        var removed = replace.Old.Values.Where(v => !replace.New.Values.Contains(v)).ToList();
        var what = removed.Count > 0
            ? "removing " + string.Join(", ", removed.Select(Model.Sql.Literal)) + " from"
            : "reordering the values of";
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"{what} enum {change.Object} breaks the application version that still reads and writes the old values",
            Recipes.EnumNewType);

        foreach (var (table, column) in SchemaFacts.ColumnsOfType(context.From, replace.Old.Name).Where(x => !context.IsNewTable(x.Table)))
        {
            yield return Hazard(
                HazardKind.Rewrite,
                context.CostSeverity(table),
                $"{what} enum {change.Object} needs a new type: moving {table.Member(column.Name)} to it rewrites {table}{context.SizeNote(table)} under an ACCESS EXCLUSIVE lock",
                Recipes.EnumNewType,
                Locks.AccessExclusive);
        }
    }
}
