using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ALTER COLUMN … TYPE that is not binary-coercible (see <see cref="TypeChanges"/>) rewrites the table and its
/// indexes under ACCESS EXCLUSIVE, and the running application reads and writes the old type.
/// </summary>
public sealed class SP2005ChangingColumnTypeWithRewrite : SafetyRule
{
    public override string Id => "SP2005";

    public override string Name => "changing-column-type-with-rewrite";

    public override string Summary => "Changing a column's type in a way that is not binary-coercible rewrites the table and breaks the running application.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AlterColumn alter
            || !alter.Changed.HasFlag(ColumnChange.Type)
            || context.IsNewTable(alter.TableName)
            || !Rewrites(alter.Old, alter.New, context)
            || (context.MajorVersion >= 12 && TypeChanges.IsTimeZoneReinterpretation(alter.Old.Type, alter.New.Type))
            || SP2006ChangingPrimaryKeyToBigint.Applies(alter, context))
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.Rewrite,
            context.CostSeverity(alter.TableName),
            $"changing {change.Object} from {alter.Old.Type} to {alter.New.Type} rewrites {alter.TableName}{context.SizeNote(alter.TableName)} and its indexes under an ACCESS EXCLUSIVE lock",
            Recipes.ShadowColumnTypeChange,
            Locks.AccessExclusive);
        yield return Hazard(
            HazardKind.BreaksRunningApp,
            Severity.Error,
            $"changing {change.Object} from {alter.Old.Type} to {alter.New.Type} breaks the application version that reads and writes {alter.Old.Type}",
            Recipes.ShadowColumnTypeChange);
    }

    /// <summary>
    /// Whether PostgreSQL rewrites the table for this type change. A domain without constraints behaves like its
    /// base type; one with constraints is checked row by row, which PostgreSQL does with a rewrite.
    /// </summary>
    internal static bool Rewrites(Column old, Column @new, ClassificationContext context)
    {
        var from = context.From.Domains.FirstOrDefault(d => d.Name == old.TypeName)?.BaseType ?? old.Type;
        var toDomain = context.To.Domains.FirstOrDefault(d => d.Name == @new.TypeName);
        if (toDomain is not null && (toDomain.NotNull || !toDomain.Checks.IsEmpty))
        {
            return true;
        }

        return !TypeChanges.IsBinaryCoercible(from, toDomain?.BaseType ?? @new.Type);
    }
}
