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
    /// planned so far), a column type or collation change, or a partition-key rebuild, also drops and re-creates,
    /// in the same transaction, the views (and materialized views, and views over those) over the table that still
    /// exist when it runs: PostgreSQL refuses to alter a column a view uses, or to drop the old table one reads.
    /// </summary>
    internal static PlanStep Step(ClassifiedChange change, PlanningContext context, int release, Phase phase, Change? ddlOf = null, RecipeOutput? planned = null)
    {
        var target = ddlOf ?? change.Change;
        var nonTransactional = target is AddEnumValue && context.ServerVersionNumber < 120000;
        var up = context.Ddl.Statements(target, context.From, context.To);
        var (down, irreversible) = context.Ddl.Down(target, context.From, context.To);
        if (planned is not null && ViewsInTheWay(target) is { } read)
        {
            // Views dropped earlier in the same phase (to be re-created by their own change) are not in the way.
            var views = DependentViews.Of(context.From, read)
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

    /// <summary>
    /// The table whose views must not exist while the change runs: PostgreSQL refuses to alter the type of a column
    /// a view uses, and to drop the old table of a partition-key rebuild that a view (or materialized view) reads.
    /// </summary>
    private static Model.QualifiedName? ViewsInTheWay(Change change) => change switch
    {
        AlterColumn { Changed: var altered } retyped when (altered & (ColumnChange.Type | ColumnChange.Collation)) != 0 => retyped.TableName,
        AlterTable { Changed: var changed } rebuilt when changed.HasFlag(TableChange.PartitionKey) => rebuilt.Old.Name,
        _ => null,
    };

    /// <summary>Drops <paramref name="views"/> (dependents first), runs the statements, re-creates them as they were, with their indexes.</summary>
    private static List<string> AroundViews(IReadOnlyList<Model.View> views, IEnumerable<string> statements, PlanningContext context)
    {
        var result = views.AsEnumerable().Reverse()
            .Select(v => context.Render(DependentViews.Drop(v)))
            .ToList();
        result.AddRange(statements);
        foreach (var view in views)
        {
            result.AddRange(context.Ddl.Statements(new CreateView(view), context.From, context.From));
            result.AddRange(view.Indexes.SelectMany(i => context.Ddl.Statements(new AddIndex(view.Name, i), context.From, context.From)));
        }

        return result;
    }

    internal static StepSql Ddl(Change change, PlanningContext context) =>
        new(new DdlData(context.Ddl.Statements(change, context.From, context.To)));
}
