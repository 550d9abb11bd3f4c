using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// Classified changes → one merged release series. Safe changes run as-is in release 1; each unsafe change
/// follows the recipe its hazards name; all recipes share one timeline, so the plan has as few releases as
/// the longest recipe needs. Pure: no SQL text, no I/O (templates render the steps).
/// </summary>
public static class Planner
{
    public static MigrationPlan Plan(
        PlanningContext context,
        string fromFingerprint,
        string toFingerprint)
    {
        var output = new RecipeOutput();
        var changeIndex = new Dictionary<Change, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < context.Changes.Count; i++)
        {
            changeIndex[context.Changes[i].Change] = i;
        }

        // Recipes that reshape columns go first so they can claim related changes and mark backfilled columns.
        var ordered = context.Changes
            .OrderBy(c => Choose(c, context).Priority)
            .ThenBy(c => c.Safe ? 1 : 0)
            .ThenBy(c => changeIndex[c.Change]);
        var recipes = new Dictionary<Change, string>(ReferenceEqualityComparer.Instance);
        foreach (var change in ordered)
        {
            if (context.IsClaimed(change.Change))
            {
                continue;
            }

            var recipe = Choose(change, context);
            context.CurrentRecipe = recipe.Name;
            recipe.Plan(change, context, output);
            recipes[change.Change] = recipe.Name;
        }

        context.CurrentRecipe = null;
        HintUsage.RequireAllUsed(context);
        var recipeNames = context.Changes
            .Select(c => recipes.TryGetValue(c.Change, out var name) ? name : "part of " + context.ClaimedBy(c.Change))
            .ToList();

        // Steps are numbered here, in the order the recipes added them: a recipe adds a change's steps in the
        // order they run, and the sort below only interleaves changes and phases.
        var steps = output.Steps
            // Recipes name steps after the objects they touch; file names must not carry quotes, spaces or case.
            .Select((s, added) => s with { Name = StepNames.Slug(s.Name), SortKey = (Position(s.Serves, context, changeIndex), 0, added) })
            .ToList();
        steps = TypeDropPlacement.Apply(steps, context);
        var releaseCount = steps.Count == 0 ? 0 : steps.Max(s => s.Release);
        var running = new List<PlanStep>();
        for (var number = 1; number <= releaseCount; number++)
        {
            running.AddRange(StepDependencies.Order(steps
                .Where(s => s.Release == number)
                .OrderBy(s => s.Phase)
                .ThenBy(s => s.SortKey.Rank)
                .ThenBy(s => s.SortKey.Change)
                .ThenBy(s => s.SortKey.Seq)
                .ToList()));
        }

        running = IndexNameReuse.Apply(running, context);
        var releases = new List<Release>();
        for (var number = 1; number <= releaseCount; number++)
        {
            var inRelease = running.Where(s => s.Release == number).ToList();
            var instructions = output.AppInstructions.Where(a => a.Release == number).Select(a => a.Instruction).Distinct().ToList();
            releases.Add(new Release(number, inRelease, instructions));
        }

        return new MigrationPlan(releases, context.Changes, recipeNames, output.Offline, fromFingerprint, toFingerprint, context.Settings);
    }

    /// <summary>
    /// Where the steps of a change go in their phase: the change's place in the differ's dependency order
    /// (<see cref="ChangeOrder"/>). A change a recipe made up (not in the diff) goes before the first change of the
    /// diff that ranks after it.
    /// </summary>
    private static int Position(Change change, PlanningContext context, Dictionary<Change, int> changeIndex)
    {
        if (changeIndex.TryGetValue(change, out var index))
        {
            return 2 * index;
        }

        var rank = ChangeOrder.Rank(change);
        var after = context.Changes.Select((c, i) => (c, i)).FirstOrDefault(x => ChangeOrder.Rank(x.c.Change) > rank, (null!, context.Changes.Count)).Item2;
        return (2 * after) - 1;
    }

    /// <summary>
    /// The recipe for a change: the first recipe, in priority order, that the change requires (see
    /// <see cref="Recipe.IsRequiredFor"/>: a hint asking for a backfill, a safe change run as it is), else the
    /// highest-priority recipe its blocking hazards name.
    /// </summary>
    public static Recipe Choose(ClassifiedChange change, PlanningContext context)
    {
        if (RecipeRegistry.ByPriority.FirstOrDefault(r => r.IsRequiredFor(change, context)) is { } required)
        {
            return required;
        }

        var named = change.Hazards.Where(h => h.Blocks).Select(h => h.Recipe).Distinct().ToList();
        if (RecipeRegistry.ByPriority.FirstOrDefault(r => named.Contains(r.Name)) is { } recipe)
        {
            return recipe;
        }

        throw new SchemaPlannerException(
            ErrorKind.Planning,
            $"no recipe is implemented yet for {change.Change.Describe()} (recipes named: {string.Join(", ", named)}); " +
            $"split the change, or apply it as-is with {AllowSuggestion.For(change)} in schemaplan.json");
    }
}
