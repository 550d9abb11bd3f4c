using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>SET LOGGED / SET UNLOGGED rewrites the whole table under ACCESS EXCLUSIVE.</summary>
public sealed class SP1003ChangingTablePersistence : SafetyRule
{
    public override string Id => "SP1003";

    public override string Name => "changing-table-persistence";

    public override string Summary => "SET LOGGED or SET UNLOGGED rewrites the table under an ACCESS EXCLUSIVE lock.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterTable alter || !alter.Changed.HasFlag(TableChange.Persistence) || context.IsNewTable(alter.New.Name))
        {
            yield break;
        }

        var statement = alter.New.Unlogged ? "SET UNLOGGED" : "SET LOGGED";
        var extra = alter.New.Unlogged ? "; afterwards it is not replicated and is emptied after a crash" : "";
        yield return Hazard(
            HazardKind.Rewrite,
            context.CostSeverity(alter.New.Name),
            $"{statement} rewrites table {change.Object}{context.SizeNote(alter.New.Name)} under an ACCESS EXCLUSIVE lock{extra}",
            Recipes.Offline,
            Locks.AccessExclusive);
    }
}
