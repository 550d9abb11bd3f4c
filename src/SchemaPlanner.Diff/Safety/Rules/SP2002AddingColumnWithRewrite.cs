using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Safety.Rules;

/// <summary>
/// ADD COLUMN that must compute a value per existing row rewrites the table under ACCESS EXCLUSIVE: a volatile
/// default (judged by <c>pg_proc.provolatile</c>, not by the text), identity, serial (a <c>nextval</c> default),
/// a STORED generated column, a domain with constraints, or on PostgreSQL before 11 any default at all.
/// </summary>
public sealed class SP2002AddingColumnWithRewrite : SafetyRule
{
    public override string Id => "SP2002";

    public override string Name => "adding-column-with-rewrite";

    public override string Summary => "Adding a column with a volatile default, identity, serial, stored generated expression or constrained domain rewrites the table.";

    public override IEnumerable<Hazard> Check(Change change, ClassificationContext context)
    {
        if (change is not AddColumn add || context.IsNewTable(add.TableName))
        {
            yield break;
        }

        var column = add.Column;
        var reason =
            column.Identity != IdentityKind.None ? "an identity column"
            : column.Generated is not null ? "a stored generated column"
            : column.Default is not null && column.DefaultVolatility == Volatility.Volatile ? $"a column with the volatile default {column.Default}"
            : column.Default is not null && context.MajorVersion < 11 ? "a column with a default before PostgreSQL 11"
            : SchemaFacts.IsConstrainedDomain(context.To, column.TypeName) ? $"a column of the constrained domain {column.TypeName}"
            : null;
        if (reason is null)
        {
            yield break;
        }

        yield return Hazard(
            HazardKind.Rewrite,
            context.CostSeverity(add.TableName),
            $"adding {reason} ({change.Object}) rewrites {add.TableName}{context.SizeNote(add.TableName)} under an ACCESS EXCLUSIVE lock",
            Recipes.AddColumnThenBackfill,
            Locks.AccessExclusive);
    }
}
