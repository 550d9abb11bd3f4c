using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// An identity column added to a populated table without the rewrite PostgreSQL would do: the column starts as a
/// plain nullable one whose default is a helper sequence, so new rows get values at once and a batched backfill
/// numbers the existing ones from the same sequence; once NOT NULL (via a validated CHECK), one short step drops
/// the default, makes the column an identity (catalog-only on a NOT NULL column), moves the identity sequence
/// to where the helper stopped (past every value it handed out) and drops the helper.
/// </summary>
internal static class IdentityColumnSteps
{
    public static QualifiedName Helper(QualifiedName table, Column column) =>
        new(table.Schema, Sql.ShortName($"{table.Name}_{column.Name}_sp_seq"));

    /// <summary>What the helper sequence hands out: the default for new rows and the backfill's expression.</summary>
    public static string NextValue(QualifiedName helper) => $"nextval({Sql.Literal(helper.Sql)}::regclass)";

    public static SequenceSql.CreateIfNotExists CreateHelper(QualifiedName helper, Column column) => new(helper, column.Type);

    public static SequenceSql.Drop DropHelper(QualifiedName helper) => new(helper, IfExists: true);

    public static PlanStep MakeIdentity(ClassifiedChange change, PlanningContext context, QualifiedName table, Column column, int release, Phase phase)
    {
        var helper = Helper(table, column);
        var kind = column.Identity == IdentityKind.Always ? "ALWAYS" : "BY DEFAULT";

        // Guarded (IF it is not an identity yet) so the file can run again; the helper's last value is at least
        // every value in the column, since the default and the backfill took them all from it.
        return RecipeSteps.Locking(
            change, context, release, phase, "identity_" + column.Name,
            $"make {table}.{column.Name} GENERATED {kind} AS IDENTITY, its sequence past every existing value, and drop the helper sequence",
            RecipeSteps.Ddl(context, new ColumnSql.IdentityFromHelper(table, column.Name, column.Identity == IdentityKind.Always, helper, column.IdentityOptions), DropHelper(helper)),
            RecipeSteps.Ddl(context, new ColumnSql.IdentityToHelper(table, column.Name, helper, column.Type)));
    }
}
