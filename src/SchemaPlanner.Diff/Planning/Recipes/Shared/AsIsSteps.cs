using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A change's plain DDL as a step, with its inverse as down: what the as-is recipe plans for a safe change, and what
/// other recipes use for the parts of their change that are safe as they are.
/// </summary>
internal static class AsIsSteps
{
    /// <summary>The change's plain DDL as one release-1 pre-deploy step.</summary>
    internal static void Add(ClassifiedChange change, PlanningContext context, RecipeOutput output) =>
        output.Steps.Add(Step(change, context, release: 1, Phase.PreDeploy, planned: output));

    /// <summary>
    /// A step running the change's plain DDL, with its inverse as down. With <paramref name="planned"/> (the steps
    /// planned so far), a column type or collation change also drops and re-creates, in the same transaction,
    /// the views over the table that still exist when it runs: PostgreSQL refuses to alter a column a view uses.
    /// A partition-key rebuild drops every view (materialized or not, and the views over those) that reads the old
    /// table, which PostgreSQL refuses to drop while one does.
    /// </summary>
    internal static PlanStep Step(ClassifiedChange change, PlanningContext context, int release, Phase phase, Change? ddlOf = null, RecipeOutput? planned = null)
    {
        var target = ddlOf ?? change.Change;
        var nonTransactional = target is AddEnumValue && context.ServerVersionNumber < 120000;
        var up = context.Ddl.Statements(target, context.From, context.To);
        var (down, irreversible) = context.Ddl.Down(target, context.From, context.To);
        if (target is AlterTable { Changed: var tableChanged } rebuilt && tableChanged.HasFlag(TableChange.PartitionKey))
        {
            // Whatever still reads the old table goes first (a view's own drop may have run already); a view is
            // created again over the new table here only when no change of its own drops or creates it.
            var views = DependentViews.Of(context.From, rebuilt.Old.Name);
            var again = views.Where(v => !context.Changes.Any(c => (c.Change is CreateView cv && cv.View.Name == v.Name) || (c.Change is DropView dv && dv.View.Name == v.Name))).ToList();
            up = AroundViews(views, again, up, context);
            down = down is null ? null : AroundViews(views, again, down, context);
        }

        if (planned is not null && target is AlterColumn { Changed: var altered } retyped && (altered & (ColumnChange.Type | ColumnChange.Collation)) != 0)
        {
            // Views dropped earlier in the same phase (to be re-created by their own change) are not in the way.
            var views = DependentViews.Of(context.From, retyped.TableName)
                .Where(v => !planned.Steps.Any(s => s.Release == release && s.Phase <= phase && s.Serves is DropView d && d.View.Name == v.Name))
                .ToList();
            up = AroundViews(views, up, context);
            down = down is null ? null : AroundViews(views, down, context);
        }

        var step = Recipe.Step(change, release, phase, StepNames.For(target), target.Describe(), new StepSql(new DdlData(up))) with
        {
            Down = down is null ? null : new StepSql(new DdlData(down)),
            Irreversible = irreversible,
            Transactional = !nonTransactional,
            LockTimeout = context.Settings.LockTimeout,
            StatementTimeout = context.Settings.StatementTimeout,
            RetryOnLockTimeout = !nonTransactional,
            AddsColumns = target is AddColumn added ? [(added.TableName, added.Column.Name)] : [],
        };

        // squawk flags every ALTER COLUMN … TYPE; one that is binary-coercible (varchar(100) → varchar(255), …)
        // only changes the catalog.
        return target is AlterColumn { Changed: var changed } alter && changed.HasFlag(ColumnChange.Type) && TypeChanges.IsBinaryCoercible(alter.Old.Type, alter.New.Type)
            ? step with
            {
                SquawkIgnores = ["changing-column-type", "prefer-text-field"],
                SquawkReason = $"{alter.Old.Type} → {alter.New.Type} is binary-coercible: no rewrite, only a brief lock under lock_timeout",
            }
            : step;
    }

    /// <summary>Drops <paramref name="views"/> (dependents first), runs the statements, re-creates them as they were, with their indexes.</summary>
    private static List<string> AroundViews(IReadOnlyList<Model.View> views, IEnumerable<string> statements, PlanningContext context) =>
        AroundViews(views, views, statements, context);

    /// <summary>Drops <paramref name="views"/> (dependents first), runs the statements, re-creates <paramref name="again"/> as they were.</summary>
    private static List<string> AroundViews(IReadOnlyList<Model.View> views, IReadOnlyList<Model.View> again, IEnumerable<string> statements, PlanningContext context)
    {
        var result = views.AsEnumerable().Reverse()
            .Select(v => context.Render(DependentViews.Drop(v)))
            .ToList();
        result.AddRange(statements);
        foreach (var view in again)
        {
            result.AddRange(context.Ddl.Statements(new CreateView(view), context.From, context.From));
            result.AddRange(view.Indexes.SelectMany(i => context.Ddl.Statements(new AddIndex(view.Name, i), context.From, context.From)));
        }

        return result;
    }

    internal static StepSql Ddl(Change change, PlanningContext context) =>
        new(new DdlData(context.Ddl.Statements(change, context.From, context.To)));
}
