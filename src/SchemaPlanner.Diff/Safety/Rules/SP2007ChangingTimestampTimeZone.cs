using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// timestamp ↔ timestamptz on PostgreSQL 12+: no table rewrite only when the session TimeZone is UTC (the
/// stored values are then reinterpreted as UTC); indexes on the column are rebuilt regardless. Before 12 it is an
/// ordinary rewrite (<see cref="SP2005ChangingColumnTypeWithRewrite"/>).
/// </summary>
public sealed class SP2007ChangingTimestampTimeZone : SafetyRule
{
    public override string Id => "SP2007";

    public override string Name => "changing-timestamp-time-zone";

    public override string Summary => "timestamp ↔ timestamptz skips the rewrite only with TimeZone UTC (PostgreSQL 12+) and rebuilds the column's indexes.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Type)
            || context.IsNewTable(alter.TableName)
            || context.MajorVersion < 12
            || !TypeChanges.IsTimeZoneReinterpretation(alter.Old.Type, alter.New.Type))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.Rewrite,
            Severity.Warning,
            $"changing {change.Object} from {alter.Old.Type} to {alter.New.Type} avoids rewriting {alter.TableName}{context.SizeNote(alter.TableName)} only when the session TimeZone is UTC; the conversion depends on the TimeZone, so the plan pins it to UTC (existing values are read as UTC): give a using hint such as {Model.Sql.Quote(alter.Old.Name)} AT TIME ZONE 'Europe/Paris' if they mean another zone (the change then goes through a shadow column)",
            Recipes.WithLockTimeout,
            Locks.AccessExclusive);

        var indexes = SchemaFacts.IndexesOn(context.From, alter.TableName, alter.Old.Name);
        if (indexes.Count > 0)
        {
            yield return Hazard(
                HazardKind.IndexBuild,
                context.CostSeverity(alter.TableName),
                $"changing {change.Object} from {alter.Old.Type} to {alter.New.Type} rebuilds {string.Join(", ", indexes.Select(i => Model.Sql.Quote(i.Name)))} on {alter.TableName}{context.SizeNote(alter.TableName)} under an ACCESS EXCLUSIVE lock",
                Recipes.ShadowColumnTypeChange,
                Locks.AccessExclusive);
        }
    }
}
