using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Recipes;
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
/// later goes the same way, its drop (and the down's rebuild) then naming it by the free name: until then it
/// serves the running application as before. On a partitioned table, the first of the partitions' builds counts
/// as the create (the parent's index is created ON ONLY after them, IF NOT EXISTS, which would otherwise find
/// the old index under that name and attach the partitions' indexes to it).
/// </summary>
internal static class IndexNameReuse
{
    /// <summary><paramref name="ordered"/>: every step of the plan in the order it runs (release, then phase, then position).</summary>
    public static List<PlanStep> Apply(List<PlanStep> ordered, PlanningContext context)
    {
        var result = new List<PlanStep>(ordered.Count);
        var movedAway = new HashSet<AddIndex>();
        var retargeted = new Dictionary<DropIndex, string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var step = ordered[i];
            if (step.Serves is AddIndex add && !movedAway.Contains(add) && IsCreate(step, add) && Holder(add, context) is { } holder)
            {
                // The old index goes later with its table, or by a drop of its own, which then drops it under the new name.
                var later = ordered.Skip(i + 1).ToList();
                var drops = later.Where(s => s.Serves is DropIndex d && d.TableName == holder && d.Index.Name == add.Index.Name).ToList();
                if (later.Any(s => s.Serves is DropTable d && d.Definition.Name == holder)
                    || (drops.Count > 0 && drops.All(d => Retarget(d, add.Index.Name, add.Index.Name) is not null)))
                {
                    result.Add(RenameAway(step, add, context));
                    movedAway.Add(add);
                    foreach (var drop in drops.Select(d => (DropIndex)d.Serves!).Distinct())
                    {
                        retargeted[drop] = AwayName(add);
                    }
                }
            }

            if (step.Serves is DropIndex dropped && retargeted.TryGetValue(dropped, out var away))
            {
                step = Retarget(step, dropped.Index.Name, away)!;
            }

            result.Add(step);
        }

        return result;
    }

    /// <summary>
    /// A step of a <see cref="DropIndex"/> (its concurrent drop, its down's concurrent build) made to name the index
    /// <paramref name="away"/>; null when the step is of another form.
    /// </summary>
    private static PlanStep? Retarget(PlanStep step, string name, string away)
    {
        ITemplateData? Renamed(ITemplateData? data) => data switch
        {
            null => null,
            DropIndexData drop when drop.Index.Name == name => drop with { Index = drop.Index with { Name = away } },
            ConcurrentIndexData build when build.Index.Name == name && build.CreateStatement.Contains(" " + Sql.Quote(name) + " ON ", StringComparison.Ordinal) =>
                build with { Index = build.Index with { Name = away }, CreateStatement = ReplaceFirst(build.CreateStatement, " " + Sql.Quote(name) + " ON ", " " + Sql.Quote(away) + " ON ") },
            _ => null,
        };

        var up = Renamed(step.Up.Data);
        var down = step.Down is null ? null : Renamed(step.Down.Data);
        return up is null || (step.Down is not null && down is null)
            ? null
            : step with { Up = step.Up with { Data = up }, Down = step.Down is null ? null : step.Down with { Data = down! } };
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string AwayName(AddIndex add) => PlanningContext.HelperName(add.Index.Name + "__replaced");

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
        var away = AwayName(add);
        return create with
        {
            Name = StepNames.Slug("rename_index_" + add.Index.Name + "_away"),
            Title = $"rename index {old} to {Sql.Quote(away)}, so {add.Describe()} can take its name (the old one goes with its table later)",
            // Both ways can run again: up does nothing once the free name is taken, down once it is gone.
            Up = new StepSql(new DdlData([context.Render(RecipeSteps.UnlessDone(context, new GuardSql.RelationExists(old with { Name = away }), new IndexSql.Rename(old, away)))])),
            Down = new StepSql(new DdlData([context.Render(new IndexSql.Rename(old with { Name = away }, add.Index.Name, IfExists: true))])),
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
