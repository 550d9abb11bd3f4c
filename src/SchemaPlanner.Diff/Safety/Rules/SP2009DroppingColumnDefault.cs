using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// DROP DEFAULT / DROP IDENTITY: the running application's inserts that leave the column out relied on the
/// automatic value; they now get NULL or fail.
/// </summary>
public sealed class SP2009DroppingColumnDefault : SafetyRule
{
    public override string Id => "SP2009";

    public override string Name => "dropping-column-default";

    public override string Summary => "Dropping a column's default or identity breaks the running application's inserts that rely on it.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter
            || (alter.Changed & (ColumnChange.Default | ColumnChange.Identity)) == 0
            || context.IsNewTable(alter.TableName))
        {
            yield break;
        }

        var hadValue = alter.Old.Default is not null || alter.Old.Identity != IdentityKind.None;
        var hasValue = alter.New.Default is not null || alter.New.Identity != IdentityKind.None || alter.New.Generated is not null;
        if (!hadValue || hasValue)
        {
            yield break;
        }

        var what = alter.Old.Identity != IdentityKind.None ? "identity" : "default " + alter.Old.Default;
        var outcome = alter.New.NotNull ? "fail" : "store NULL";
        if (alter.Old.Default is not null && IsRebuilt(alter, context))
        {
            // The desired column keeps it: dropped only while a function it calls is re-created, then set again.
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Warning,
                $"the {what} of {change.Object} is dropped while a function it calls is re-created and set again right after; inserts in between that leave it out {outcome}",
                Recipes.AsIs,
                Locks.AccessExclusive);
            yield break;
        }

        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"dropping the {what} of {change.Object} makes the running application's inserts that leave it out {outcome}",
            alter.Old.Identity != IdentityKind.None ? Recipes.IdentityAlwaysAfterApp : Recipes.DropDefaultAfterApp,
            Locks.AccessExclusive);
    }

    /// <summary>
    /// The desired column keeps the same default, and a function the default calls now is not in the desired schema
    /// under the same identity (its parameters are renamed): the default is dropped only around that function.
    /// </summary>
    private static bool IsRebuilt(AlterColumn alter, ClassificationContext context)
    {
        if (context.To.FindTable(alter.TableName)?.FindColumn(alter.New.Name)?.Default != alter.Old.Default)
        {
            return false;
        }

        var self = new ObjectRef(ObjectKind.Default, alter.TableName, alter.Old.Name);
        return context.From.Dependencies.Any(d => d.Dependent == self && d.Referenced.Kind == ObjectKind.Function
            && !context.To.Functions.Any(f => f.Name == d.Referenced.Name && f.Arguments == d.Referenced.Member));
    }
}
