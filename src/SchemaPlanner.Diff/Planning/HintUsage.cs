using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Planning;

/// <summary>
/// After planning, a hint no recipe used is an error: the plan would otherwise be written as if the hint were not
/// there (NULLs left for VALIDATE to trip on, a table's data dropped instead of copied), and the user believes it
/// was applied.
/// </summary>
internal static class HintUsage
{
    public static void RequireAllUsed(PlanningContext context)
    {
        var unused = context.UnusedHints();
        if (unused.Count == 0)
        {
            return;
        }

        throw new SchemaPlannerException(
            ErrorKind.InvalidInput,
            string.Join("; ", unused.Select(h => $"{h}: no step of the plan uses this hint ({Why(h, context)}); remove it or fix what it names")));
    }

    private static string Why(object hint, PlanningContext context)
    {
        switch (hint)
        {
            case ColumnHint column when context.From.FindTable(column.Table) is null:
                return $"{column.Table} is a new table, whose rows no expression over its own row can compute; " +
                    "fill it from an existing table with { \"copy\": \"schema.source\", \"into\": \"" + column.Table + "\", \"columns\": { … } }";
            case ColumnHint column:
                var changes = context.Changes.Where(c => c.Change.Table == column.Table && (c.Change.Object == column.Table.Member(column.Column))).ToList();
                return changes.Count == 0
                    ? $"nothing about {column.Table.Member(column.Column)} changes"
                    : $"{string.Join(", ", changes.Select(c => c.Change.Describe()))} is planned by {string.Join(", ", changes.Select(c => context.ClaimedBy(c.Change) ?? Planner.Choose(c, context).Name).Distinct())}, which computes no values";
            case CopyHint copy:
                return $"{copy.Target} is not created by this plan";
            default:
                return "unknown hint";
        }
    }
}
