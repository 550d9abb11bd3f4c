using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>Views that read a table whose columns a recipe moves: finding them in creation order, dropping them, claiming the differ's view changes.</summary>
internal static class DependentViews
{
    /// <summary>Views of <paramref name="model"/> that read <paramref name="table"/>, directly or through other views, in creation order.</summary>
    internal static List<View> Of(SchemaModel model, QualifiedName table) => [.. model.ViewsReading([table])];

    /// <summary><c>DROP [MATERIALIZED] VIEW IF EXISTS</c> of the view.</summary>
    internal static ViewSql.Drop Drop(View view) => new(view.Name, view.Kind == ViewKind.Materialized, IfExists: true);

    /// <summary>Views of <paramref name="model"/> reading any of the tables, directly or through other views, in creation order.</summary>
    internal static List<View> Of(SchemaModel model, IEnumerable<QualifiedName> tables)
    {
        var result = new List<View>();
        foreach (var table in tables)
        {
            foreach (var view in Of(model, table).Where(v => !result.Contains(v)))
            {
                result.Add(view);
            }
        }

        // Creation order: a view after every view it reads.
        var ordered = new List<View>();
        while (ordered.Count < result.Count)
        {
            var next = result.First(v => !ordered.Contains(v) && v.DependsOn.All(d => ordered.Any(o => o.Name == d) || result.All(r => r.Name != d)));
            ordered.Add(next);
        }

        return ordered;
    }

    /// <summary>Marks the view drops and creates the differ emitted for views a swap re-creates itself.</summary>
    internal static void Claim(PlanningContext context, IReadOnlyCollection<View> views)
    {
        foreach (var viewChange in context.Changes.Select(c => c.Change))
        {
            if ((viewChange is CreateView created && views.Any(v => v.Name == created.View.Name))
                || (viewChange is DropView dropped && views.Any(v => v.Name == dropped.View.Name)))
            {
                context.Claim(viewChange);
            }
        }
    }
}
