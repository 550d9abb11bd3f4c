using SchemaPlanner.Changes;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// Changing a stored generated column's expression recomputes every row (PostgreSQL 17's SET EXPRESSION, or a
/// drop and re-add before it); turning a regular column into a generated one also rejects the running
/// application's writes to it. DROP EXPRESSION (PostgreSQL 13+) is catalog-only.
/// </summary>
public sealed class SP2011ChangingGeneratedColumn : SafetyRule
{
    public override string Id => "SP2011";

    public override string Name => "changing-generated-column";

    public override string Summary => "Changing or adding a generation expression on an existing column rewrites the table.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter || !alter.Changed.HasFlag(ColumnChange.Generated) || context.IsNewTable(alter.TableName))
        {
            yield break;
        }

        var table = alter.TableName;
        var size = context.SizeNote(table);
        if (alter.New.Generated is not null)
        {
            var how = alter.Old.Generated is null
                ? "making it generated (only possible by dropping and re-adding it)"
                : context.MajorVersion >= 17 ? "SET EXPRESSION" : "changing its expression (before PostgreSQL 17 only by dropping and re-adding it)";
            yield return Hazard(
                HazardKind.Rewrite,
                context.CostSeverity(table),
                $"{how} recomputes {change.Object} for every row, rewriting {table}{size} under an ACCESS EXCLUSIVE lock",
                Recipes.ShadowColumnTypeChange,
                Locks.AccessExclusive);
            if (alter.Old.Generated is null)
            {
                yield return Hazard(
                    HazardKind.BreaksRunningApp,
                    Severity.Error,
                    $"making {change.Object} generated rejects the running application's writes to it",
                    Recipes.ShadowColumnTypeChange);
            }
        }
        else if (context.MajorVersion >= 13)
        {
            yield return Hazard(
                HazardKind.Lock,
                Severity.Warning,
                $"DROP EXPRESSION keeps the values of {change.Object}, but rows inserted afterwards get NULL there until the application writes it",
                Recipes.WithLockTimeout,
                Locks.AccessExclusive);
        }
        else
        {
            yield return Hazard(
                HazardKind.Rewrite,
                context.CostSeverity(table),
                $"turning generated column {change.Object} into a regular one needs PostgreSQL 13's DROP EXPRESSION; before that it is dropped and re-added, rewriting {table}{size}",
                Recipes.ShadowColumnTypeChange,
                Locks.AccessExclusive);
        }
    }
}
