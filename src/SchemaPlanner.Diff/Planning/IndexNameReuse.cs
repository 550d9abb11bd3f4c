using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Planning;

/// <summary>
/// Index names are unique per schema across tables. A desired index may take the name of an index the current
/// schema has on another table that the plan drops only later (its table is dropped in a later phase or
/// release, e.g. a table replaced by a new one under another name): creating the new index first would fail
/// with 42P07. A step just before the one creating the new index renames the old index out of the way (a free,
/// 63-byte-safe name), so the later <c>DROP TABLE</c> takes it under that name; its down renames it back, after
/// the down of the create has dropped the new index. An old index dropped on its own (<see cref="DropIndex"/>)
/// is left to its recipe (<see cref="Recipes.DropIndexConcurrentlyRecipe"/> renames it away the same way).
/// </summary>
internal static class IndexNameReuse
{
    /// <summary><paramref name="ordered"/>: every step of the plan in the order it runs (release, then phase, then position).</summary>
    public static List<PlanStep> Apply(List<PlanStep> ordered, PlanningContext context)
    {
        var result = new List<PlanStep>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var step = ordered[i];
            if (step.Serves is AddIndex add && IsCreate(step, add) && Holder(add, context) is { } holder
                && ordered.Skip(i + 1).Any(s => s.Serves is DropTable d && d.Definition.Name == holder))
            {
                result.Add(RenameAway(step, add, context));
            }

            result.Add(step);
        }

        return result;
    }

    /// <summary>The table of the current schema holding an index of the new index's name, when it is another table.</summary>
    private static QualifiedName? Holder(AddIndex add, PlanningContext context) =>
        context.From.Tables
            .Where(t => t.Name.Schema == add.TableName.Schema && t.Name != add.TableName && t.Indexes.Any(x => x.Name == add.Index.Name))
            .Select(t => (QualifiedName?)t.Name)
            .FirstOrDefault();

    /// <summary>The step that builds the index (not a later step of its recipe, e.g. a validation or attach).</summary>
    private static bool IsCreate(PlanStep step, AddIndex add) =>
        step.Up.Data switch
        {
            ConcurrentIndexData => true,
            DdlData ddl => ddl.Statements.Any(s => s.Contains("INDEX", StringComparison.Ordinal) && s.Contains(Sql.Quote(add.Index.Name), StringComparison.Ordinal)
                                                    && s.TrimStart().StartsWith("CREATE", StringComparison.Ordinal)),
            _ => false,
        };

    private static PlanStep RenameAway(PlanStep create, AddIndex add, PlanningContext context)
    {
        var old = new QualifiedName(add.TableName.Schema, add.Index.Name);
        var away = PlanningContext.HelperName(add.Index.Name + "__replaced");
        return create with
        {
            Name = StepNames.Slug("rename_index_" + add.Index.Name + "_away"),
            Title = $"rename index {old} to {Sql.Quote(away)}, so {add.Describe()} can take its name (the old one goes with its table later)",
            Up = new StepSql(new DdlData([context.Render(new IndexSql.Rename(old, away))])),
            Down = new StepSql(new DdlData([context.Render(new IndexSql.Rename(old with { Name = away }, add.Index.Name))])),
            Irreversible = null,
            Transactional = true,
            LockTimeout = context.Settings.LockTimeout,
            StatementTimeout = context.Settings.StatementTimeout,
            RetryOnLockTimeout = true,
            Hazards = [],
            SquawkIgnores = [],
            SquawkReason = null,
            DownSquawkIgnores = [],
            DownSquawkReason = null,
            AddsColumns = [],
            NeedsColumns = [],
        };
    }
}
