using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (PostgreSQL 12+ skips the scan when a valid
/// <c>CHECK (col IS NOT NULL)</c> exists), and the running application's writes of NULL start failing.
/// </summary>
public sealed class SP2008SettingNotNull : SafetyRule
{
    public override string Id => "SP2008";

    public override string Name => "setting-not-null";

    public override string Summary => "SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock and rejects the NULLs the running application writes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Nullability)
            || !alter.New.NotNull
            || context.IsNewTable(alter.TableName))
        {
            yield break;
        }

        // A validated CHECK (col IS NOT NULL) already rejects NULLs, and on 12+ lets SET NOT NULL skip the scan.
        var checkedAlready = SchemaFacts.HasValidNotNullCheck(context.From, alter.TableName, alter.Old.Name);
        if (!checkedAlready || context.MajorVersion < 12)
        {
            var how = context.MajorVersion >= 12
                ? "; a validated CHECK (… IS NOT NULL) lets it skip the scan"
                : "; before PostgreSQL 12 it cannot skip the scan, keep a validated CHECK constraint instead";
            yield return Hazard(
                HazardKind.Scan,
                context.CostSeverity(alter.TableName),
                $"SET NOT NULL on {change.Object} scans {alter.TableName}{context.SizeNote(alter.TableName)} under an ACCESS EXCLUSIVE lock{how}",
                Recipes.NotNullViaCheck,
                Locks.AccessExclusive);
        }

        if (!checkedAlready)
        {
            yield return Hazard(
                HazardKind.BreaksRunningApp,
                Severity.Error,
                $"SET NOT NULL on {change.Object} makes writes of NULL by the running application fail (and fails itself if a row holds NULL)",
                Recipes.NotNullViaCheck);
        }
    }
}
