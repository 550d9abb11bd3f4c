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
    /// <summary>When hazards name several recipes, the most specific wins.</summary>
    private static readonly string[] Priority =
    [
        Safety.Recipes.Offline,
        Safety.Recipes.BigintPrimaryKey,
        Safety.Recipes.RenameTableWithView,
        Safety.Recipes.RenameColumnWithSync,
        Safety.Recipes.ShadowColumnTypeChange,
        Safety.Recipes.EnumNewType,
        Safety.Recipes.AddColumnThenBackfill,
        Safety.Recipes.StopUsingThenDrop,
        Safety.Recipes.PrimaryKeyUsingIndex,
        Safety.Recipes.UniqueUsingIndex,
        Safety.Recipes.NotNullViaCheck,
        Safety.Recipes.ConstraintNotValidThenValidate,
        Safety.Recipes.CreateIndexConcurrently,
        Safety.Recipes.DropIndexConcurrently,
        Safety.Recipes.DropDefaultAfterApp,
        Safety.Recipes.ViewReplaceWithNew,
        Safety.Recipes.FunctionNewSignature,
        Safety.Recipes.AttachPartitionWithCheck,
        Safety.Recipes.DetachPartitionConcurrently,
        Safety.Recipes.EnumAddValue,
        Safety.Recipes.WithLockTimeout,
        Safety.Recipes.Manual,
        Safety.Recipes.AsIs,
    ];

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
            .OrderBy(c => c.Safe ? 1 : 0)
            .ThenBy(c => Array.IndexOf(Priority, Choose(c, context).Name))
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
        var recipeNames = context.Changes
            .Select(c => recipes.TryGetValue(c.Change, out var name) ? name : "part of " + context.ClaimedBy(c.Change))
            .ToList();

        var steps = output.Steps
            .Select(s => s with { SortKey = (ChangeOrder.Rank(s.Serves), changeIndex.GetValueOrDefault(s.Serves, int.MaxValue), s.SortKey.Seq) })
            .ToList();
        var releaseCount = steps.Count == 0 ? 0 : steps.Max(s => s.Release);
        var releases = new List<Release>();
        for (var number = 1; number <= releaseCount; number++)
        {
            var inRelease = steps
                .Where(s => s.Release == number)
                .OrderBy(s => s.Phase)
                .ThenBy(s => s.SortKey.Rank)
                .ThenBy(s => s.SortKey.Change)
                .ThenBy(s => s.SortKey.Seq)
                .ToList();
            var instructions = output.AppInstructions.Where(a => a.Release == number).Select(a => a.Instruction).Distinct().ToList();
            releases.Add(new Release(number, inRelease, instructions));
        }

        return new MigrationPlan(releases, context.Changes, recipeNames, output.Offline, fromFingerprint, toFingerprint, context.Settings);
    }

    /// <summary>
    /// The recipe for a change: as-is when safe, else the highest-priority recipe its blocking hazards name. A new
    /// column with a <c>using</c> hint is always backfilled, even when adding it is safe.
    /// </summary>
    public static Recipe Choose(ClassifiedChange change, PlanningContext? context = null)
    {
        if (change.Change is AddColumn add && context?.HintFor(add.TableName, add.Column.Name) is not null && !change.Hazards.Any(h => h.Allowed))
        {
            return RecipeRegistry.All[Safety.Recipes.AddColumnThenBackfill];
        }

        if (change.Safe)
        {
            return RecipeRegistry.All[Safety.Recipes.AsIs];
        }

        var named = change.Hazards.Where(h => h.Blocks).Select(h => h.Recipe).Distinct().ToList();
        foreach (var name in Priority)
        {
            if (named.Contains(name) && RecipeRegistry.All.TryGetValue(name, out var recipe))
            {
                return recipe;
            }
        }

        throw new SchemaPlannerException(
            ErrorKind.Planning,
            $"no recipe is implemented yet for {change.Change.Describe()} (recipes named: {string.Join(", ", named)}); " +
            "accept the hazard in schemaplan.json \"allow\" to apply it as-is, or split the change");
    }
}
