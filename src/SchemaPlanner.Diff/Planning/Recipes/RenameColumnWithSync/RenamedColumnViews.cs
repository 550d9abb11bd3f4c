using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Views over a table whose column is renamed. The diff drops and re-creates them (or replaces them) to read
/// the new column; as separate as-is steps they would be missing between the drop and the create, and re-pointed
/// before the backfill they would read NULL for every existing row. Until the old column goes they read it (the
/// sync trigger keeps it equal), so they are re-pointed in one transaction once the new column is verified:
/// release 1's post-deploy, or release 2's before the old column is dropped when one loses columns the
/// previous app may still select. CREATE OR REPLACE keeps them (and their grants) in place where PostgreSQL
/// allows it (plain views that keep their columns and only append); otherwise DROP and CREATE together.
/// </summary>
internal static class RenamedColumnViews
{
    public static void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string newColumn)
    {
        var steps = Group(context, table, newColumn);
        if (steps is null)
        {
            return;
        }

        var (allDrops, allCreates, allReplaces, allExtras) = steps.Value;
        foreach (var claimed in allDrops.Cast<Change>().Concat(allCreates).Concat(allReplaces).Concat(allExtras))
        {
            context.Claim(claimed);
        }

        // Views that do not read one another are re-pointed each on its own terms.
        foreach (var component in Components(context, allDrops.Select(d => d.View.Name).Concat(allReplaces.Select(r => r.New.Name))))
        {
            PlanComponent(
                change, context, output, table, newColumn,
                allDrops.Where(d => component.Contains(d.View.Name)).ToList(),
                allCreates.Where(c => component.Contains(c.View.Name)).ToList(),
                allReplaces.Where(r => component.Contains(r.New.Name)).ToList(),
                allExtras.Where(e => e is AddIndex i ? component.Contains(i.TableName) : component.Any(n => n.ToString() == ((ChangePrivileges)e).Name)).ToList());
        }
    }

    /// <summary>The views split into sets that read one another (in either schema), in a stable order.</summary>
    private static List<HashSet<QualifiedName>> Components(PlanningContext context, IEnumerable<QualifiedName> views)
    {
        var components = new List<HashSet<QualifiedName>>();
        foreach (var name in views.Distinct())
        {
            var reads = context.From.Views.Concat(context.To.Views).Where(v => v.Name == name).SelectMany(v => v.DependsOn)
                .Concat(context.From.Views.Concat(context.To.Views).Where(v => v.DependsOn.Contains(name)).Select(v => v.Name))
                .ToHashSet();
            var joined = components.Where(c => c.Overlaps(reads)).ToList();
            var merged = new HashSet<QualifiedName> { name };
            foreach (var component in joined)
            {
                merged.UnionWith(component);
                components.Remove(component);
            }

            components.Add(merged);
        }

        return components;
    }

    private static void PlanComponent(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string newColumn,
        List<DropView> drops, List<CreateView> creates, List<ReplaceView> replaces, List<Change> extras)
    {

        // A view that loses columns (the drop is not safe) waits for release 2, where the previous app is gone.
        var losesColumns = drops.Any(d => !context.Changes.First(c => ReferenceEquals(c.Change, d)).Safe);

        var replaceable = drops.All(d =>
            creates.FirstOrDefault(c => c.View.Name == d.View.Name) is { } create
            && d.View.Kind == ViewKind.View && create.View.Kind == ViewKind.View
            && create.View.Columns.Count >= d.View.Columns.Count
            && create.View.Columns.Take(d.View.Columns.Count).SequenceEqual(d.View.Columns));
        var up = new List<string>();
        var down = new List<string>();
        if (replaceable)
        {
            // In creation order: a view is replaced before the views that read it.
            up.AddRange(creates.Select(c => new ReplaceView(drops.First(d => d.View.Name == c.View.Name).View, c.View)).Concat(replaces)
                .SelectMany(c => context.Ddl.Statements(c, context.From, context.To)));
        }
        else
        {
            up.AddRange(replaces.Select(r => new DropView(r.Old)).Concat(drops).SelectMany(c => context.Ddl.Statements(c, context.From, context.To)));
            up.AddRange(replaces.Select(r => new CreateView(r.New)).Concat(creates).SelectMany(c => context.Ddl.Statements(c, context.From, context.To)));
        }

        up.AddRange(extras.SelectMany(c => context.Ddl.Statements(c, context.From, context.To)));

        // Back: the views as they were, dropped and created in one transaction (OR REPLACE cannot take appended columns away).
        var current = creates.Select(c => c.View).Concat(replaces.Select(r => r.New)).ToList();
        var previous = drops.Select(d => d.View).Concat(replaces.Select(r => r.Old)).ToList();
        down.AddRange(current.AsEnumerable().Reverse().Select(v => context.Render(DependentViews.Drop(v))));
        foreach (var view in previous.AsEnumerable().Reverse())
        {
            down.AddRange(context.Ddl.Statements(new CreateView(view), context.From, context.From));
            down.AddRange(view.Indexes.SelectMany(i => context.Ddl.Statements(new AddIndex(view.Name, i), context.From, context.From)));
            if (!view.Privileges.IsEmpty)
            {
                down.AddRange(context.Ddl.Statements(new ChangePrivileges("TABLE", view.Name.ToString(), EquatableArray<string>.Empty, view.Privileges), context.From, context.From));
            }
        }

        if (losesColumns)
        {
            output.AppInstructions.Add((1, $"Stop selecting the columns {string.Join(", ", drops.Select(d => d.View.Name))} lose (they are re-created after release 2 is deployed)."));
        }

        output.Steps.Add(RecipeSteps.Locking(
            change, context, losesColumns ? 2 : 1, Phase.PostDeploy, "repoint_" + string.Join("_", current.Select(v => v.Name.Name)),
            $"re-point {string.Join(", ", current.Select(v => v.Name))} to {table}.{Sql.Quote(newColumn)} in one transaction",
            RecipeSteps.Ddl([.. up]), RecipeSteps.Ddl([.. down])));
    }

    /// <summary>
    /// The view changes over <paramref name="table"/> to re-point: views re-created that read it (directly or
    /// through other views), replacements that read the new column, and the indexes and grants re-created views
    /// get; null when there are none.
    /// </summary>
    private static (List<DropView> Drops, List<CreateView> Creates, List<ReplaceView> Replaces, List<Change> Extras)? Group(PlanningContext context, QualifiedName table, string newColumn)
    {
        var dependents = DependentViews.Of(context.From, table).Select(v => v.Name).ToHashSet();
        var changes = context.Changes.Select(c => c.Change).Where(c => !context.IsClaimed(c)).ToList();
        var drops = changes.OfType<DropView>().Where(d => dependents.Contains(d.View.Name)).ToList();
        var creates = changes.OfType<CreateView>().Where(c => drops.Any(d => d.View.Name == c.View.Name)).ToList();
        drops = drops.Where(d => creates.Any(c => c.View.Name == d.View.Name)).ToList();
        var replaces = changes.OfType<ReplaceView>().Where(r => dependents.Contains(r.New.Name) && SqlIdentifiers.Mentions(r.New.Definition, newColumn)).ToList();
        if (drops.Count == 0 && replaces.Count == 0)
        {
            return null;
        }

        var names = creates.Select(c => c.View.Name).ToHashSet();
        var extras = changes.Where(c => (c is AddIndex i && names.Contains(i.TableName))
            || (c is ChangePrivileges p && names.Any(n => n.ToString() == p.Name))).ToList();
        return (drops, creates, replaces, extras);
    }
}
