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
        Safety.Recipes.CopyIntoNewTable,
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
            .OrderBy(c => Array.IndexOf(Priority, Choose(c, context).Name))
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

        var steps = output.Steps
            // Recipes name steps after the objects they touch; file names must not carry quotes, spaces or case.
            .Select(s => s with { Name = StepNames.Slug(s.Name), SortKey = (Rank(s.Serves, context), changeIndex.GetValueOrDefault(s.Serves, int.MaxValue), s.SortKey.Seq) })
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
            inRelease = StepDependencies.Order(inRelease);
            var instructions = output.AppInstructions.Where(a => a.Release == number).Select(a => a.Instruction).Distinct().ToList();
            releases.Add(new Release(number, inRelease, instructions));
        }

        return new MigrationPlan(releases, context.Changes, recipeNames, output.Offline, fromFingerprint, toFingerprint, context.Settings);
    }

    private static bool IsKeyWidenedWithReferences(AlterColumn alter, PlanningContext context)
    {
        if (!alter.Changed.HasFlag(ColumnChange.Type) || alter.New.Type != "bigint" || alter.Old.Type is not ("integer" or "smallint"))
        {
            return false;
        }

        var key = context.From.FindTable(alter.TableName)?.PrimaryKey;
        if (key is null || key.Columns.Count != 1 || key.Columns[0] != alter.Old.Name)
        {
            return false;
        }

        return context.Changes.Any(c => c.Change is AlterColumn child
            && child.Changed.HasFlag(ColumnChange.Type)
            && child.New.Type == "bigint"
            && context.From.FindTable(child.TableName)?.Constraints.Any(f =>
                f.Kind == Model.ConstraintKind.ForeignKey && f.ReferencedTable == alter.TableName && f.Columns.Count == 1
                && f.Columns[0] == child.Old.Name && f.ReferencedColumns[0] == alter.Old.Name) == true);
    }

    /// <summary>
    /// The rank the differ ordered a change by (<see cref="ChangeOrder"/>), including its refinement that an index
    /// on a materialized view comes after the view is created.
    /// </summary>
    private static int Rank(Change change, PlanningContext context) =>
        change is AddIndex index && context.To.Views.Any(v => v.Name == index.TableName)
            ? ChangeOrder.Rank(new CreateView(context.To.Views.First(v => v.Name == index.TableName))) + 1
            : ChangeOrder.Rank(change);

    /// <summary>
    /// The recipe for a change: as-is when safe, else the highest-priority recipe its blocking hazards name. A new
    /// column with a <c>using</c> hint is always backfilled, even when adding it is safe, and so are the NULLs of a column
    /// becoming NOT NULL with one.
    /// </summary>
    public static Recipe Choose(ClassifiedChange change, PlanningContext? context = null)
    {
        // A new table a copy hint fills gets its rows from the source table, however safe creating it is.
        if (change.Change is CreateTable created && context?.Config.Copies.Any(h => h.Target == created.Definition.Name) == true && !change.Hazards.Any(h => h.Allowed))
        {
            return RecipeRegistry.All[Safety.Recipes.CopyIntoNewTable];
        }

        if (change.Change is AddColumn add && context?.HasHint(add.TableName, add.Column.Name) == true && !change.Hazards.Any(h => h.Allowed))
        {
            return RecipeRegistry.All[Safety.Recipes.AddColumnThenBackfill];
        }

        // A column becoming NOT NULL with a using hint has NULLs to fill first, however small its table.
        if (change.Change is AlterColumn { Changed: var changed } setNotNull && changed == ColumnChange.Nullability && setNotNull.New.NotNull
            && context?.HasHint(setNotNull.TableName, setNotNull.New.Name) == true && !change.Hazards.Any(h => h.Allowed))
        {
            return RecipeRegistry.All[Safety.Recipes.NotNullViaCheck];
        }

        // A key that widens together with a column referencing it moves with it, even when the key's own table is
        // small enough for its change to be safe alone: the foreign key ties the two.
        if (change.Change is AlterColumn alter && context is not null && IsKeyWidenedWithReferences(alter, context) && !change.Hazards.Any(h => h.Allowed))
        {
            return RecipeRegistry.All[Safety.Recipes.BigintPrimaryKey];
        }

        // A using hint on a type change says how the values convert: it is honoured through a shadow column (a plain
        // ALTER … TYPE would ignore it, e.g. read timestamps in the session's TimeZone instead of the hint's zone).
        if (change.Change is AlterColumn hinted && hinted.Changed.HasFlag(ColumnChange.Type) && context?.HintFor(hinted.TableName, hinted.New.Name) is not null
            && !change.Hazards.Any(h => h.Allowed) && !IsKeyWidenedWithReferences(hinted, context)
            && !(TypeChanges.IsIntegerWidening(hinted.Old.Type, hinted.New.Type) && context.From.FindTable(hinted.TableName)?.PrimaryKey?.Columns.Contains(hinted.Old.Name) == true))
        {
            return RecipeRegistry.All[Safety.Recipes.ShadowColumnTypeChange];
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
            $"split the change, or apply it as-is with {AllowSuggestion.For(change)} in schemaplan.json");
    }
}
