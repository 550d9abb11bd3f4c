using SchemaPlanner.Model;
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

    public static string CreateHelper(QualifiedName helper, Column column) => $"CREATE SEQUENCE IF NOT EXISTS {helper.Sql} AS {column.Type}";

    public static string DropHelper(QualifiedName helper) => $"DROP SEQUENCE IF EXISTS {helper.Sql}";

    public static PlanStep MakeIdentity(ClassifiedChange change, PlanningContext context, QualifiedName table, Column column, int release, Phase phase, int sequence)
    {
        var helper = Helper(table, column);
        var t = table.Sql;
        var c = Sql.Quote(column.Name);
        var kind = column.Identity == IdentityKind.Always ? "ALWAYS" : "BY DEFAULT";
        var attribute = $"SELECT attidentity FROM pg_attribute WHERE attrelid = {Sql.Literal(t)}::regclass AND attname = {Sql.Literal(column.Name)}";
        var identitySequence = $"pg_get_serial_sequence({Sql.Literal(t)}, {Sql.Literal(column.Name)})";

        // Guarded (IF it is not an identity yet) so the file can run again; the helper's last value is at least
        // every value in the column, since the default and the backfill took them all from it.
        var up = $"""
            DO $identity$
            BEGIN
                IF ({attribute}) = '' THEN
                    ALTER TABLE {t} ALTER COLUMN {c} DROP DEFAULT;
                    ALTER TABLE {t} ALTER COLUMN {c} ADD GENERATED {kind} AS IDENTITY;
                    PERFORM setval({identitySequence}, coalesce(pg_sequence_last_value({Sql.Literal(helper.Sql)}), 1), pg_sequence_last_value({Sql.Literal(helper.Sql)}) IS NOT NULL);
                END IF;
            END
            $identity$
            """;
        var down = $"""
            DO $identity$
            BEGIN
                IF ({attribute}) <> '' THEN
                    {CreateHelper(helper, column)};
                    PERFORM setval({Sql.Literal(helper.Sql)}, coalesce(pg_sequence_last_value({identitySequence}::regclass), 1), pg_sequence_last_value({identitySequence}::regclass) IS NOT NULL);
                    ALTER TABLE {t} ALTER COLUMN {c} DROP IDENTITY IF EXISTS;
                    ALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT {NextValue(helper)};
                END IF;
            END
            $identity$
            """;
        return RecipeSteps.Locking(
            change, context, release, phase, sequence, "identity_" + column.Name,
            $"make {table}.{column.Name} GENERATED {kind} AS IDENTITY, its sequence past every existing value, and drop the helper sequence",
            RecipeSteps.Ddl(up, DropHelper(helper)),
            RecipeSteps.Ddl(down));
    }
}
