using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ENABLE / FORCE ROW LEVEL SECURITY: from the next statement on, roles other than the owner (and with FORCE, the
/// owner too) see and write only the rows a policy grants; with no policy, none at all.
/// </summary>
public sealed class SP1007EnablingRowLevelSecurity : SafetyRule
{
    public override string Id => "SP1007";

    public override string Name => "enabling-row-level-security";

    public override string Summary => "Enabling or forcing row-level security hides every row no policy grants from the running application.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterTable alter || !alter.Changed.HasFlag(TableChange.RowLevelSecurity) || context.IsNewTable(alter.New.Name))
        {
            yield break;
        }

        var enabling = alter.New.RowLevelSecurity && !alter.Old.RowLevelSecurity;
        var forcing = alter.New.RowLevelSecurity && alter.New.ForceRowLevelSecurity && !alter.Old.ForceRowLevelSecurity;
        if (enabling || forcing)
        {
            var who = forcing ? "every role but superusers and BYPASSRLS roles, the owner included," : "every role but the owner, superusers and BYPASSRLS roles";
            var statement = forcing && !enabling ? "FORCE ROW LEVEL SECURITY" : "ENABLE ROW LEVEL SECURITY";
            yield return alter.New.Policies.IsEmpty
                ? Hazard(
                    HazardKind.BreaksRunningApp,
                    Severity.Error,
                    $"{statement} on {change.Object} with no policy makes {who} see and write no rows at all",
                    Recipes.Manual,
                    Locks.AccessExclusive)
                : Hazard(
                    HazardKind.BreaksRunningApp,
                    Severity.Error,
                    $"{statement} on {change.Object} makes {who} see and write only the rows its {Policies(alter.New.Policies.Count)} grant; the plan verifies every role that may use the table has a permissive policy before it turns row security on",
                    Recipes.VerifyPoliciesThenEnableRls,
                    Locks.AccessExclusive);
        }
        else if (alter.Old.RowLevelSecurity && !alter.New.RowLevelSecurity)
        {
            yield return Hazard(
                HazardKind.Lock,
                Severity.Warning,
                $"DISABLE ROW LEVEL SECURITY on {change.Object} lets every role with table privileges see all its rows",
                Recipes.WithLockTimeout,
                Locks.AccessExclusive);
        }
    }

    private static string Policies(int count) => count == 1 ? "1 policy" : $"{count} policies";
}
