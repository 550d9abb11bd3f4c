using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Identity changes on an existing column are catalog-only, but ADD GENERATED starts its sequence at 1 (so it
/// collides with existing values unless moved past them), and GENERATED ALWAYS rejects the explicit values the
/// running application may insert: both follow <see cref="Recipes.IdentityAlwaysAfterApp"/> (the sequence moved
/// past max(column) when the step runs, ALWAYS after the deploy). Dropping identity is <see cref="SP2009DroppingColumnDefault"/>.
/// </summary>
public sealed class SP2012ChangingColumnIdentity : SafetyRule
{
    public override string Id => "SP2012";

    public override string Name => "changing-column-identity";

    public override string Summary => "Adding identity to a column with data collides with existing values; GENERATED ALWAYS rejects explicit inserts.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter || !alter.Changed.HasFlag(ColumnChange.Identity) || context.IsNewTable(alter.TableName))
        {
            yield break;
        }

        if (alter.Old.Identity == IdentityKind.None && alter.New.Identity != IdentityKind.None)
        {
            yield return Hazard(
                HazardKind.MayFail,
                Severity.Warning,
                $"ADD GENERATED AS IDENTITY on {change.Object} starts its sequence at 1: inserts collide with existing values unless it is moved past max({Model.Sql.Quote(alter.New.Name)})",
                Recipes.IdentityAlwaysAfterApp,
                Locks.AccessExclusive);
        }

        if (alter.New.Identity == IdentityKind.Always && alter.Old.Identity != IdentityKind.Always)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"GENERATED ALWAYS on {change.Object} rejects the explicit values the running application may insert",
                Recipes.IdentityAlwaysAfterApp,
                Locks.AccessExclusive);
        }
    }
}
