using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A view re-created without some of its columns (OR REPLACE cannot drop columns): release 1's app stops
/// selecting them; release 2's post-deploy drops and re-creates the view (and its indexes) in one transaction.
/// </summary>
public sealed class ViewReplaceWithNewRecipe : Recipe
{
    public override string Name => Safety.Recipes.ViewReplaceWithNew;

    public override int Priority => 160;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        // A view over a table the plan rebuilds (a partition-key change) cannot wait for release 2: the old table
        // goes in release 1, and no view may read it then. Dropped before the rebuild, created after it.
        if (change.Change is not DropView drop || ReadsRebuiltTable(drop, context))
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var related = context.Changes
            .Select(c => c.Change)
            .Where(c => (c is CreateView v && v.View.Name == drop.View.Name) || (c is AddIndex i && i.TableName == drop.View.Name))
            .OrderBy(c => c is CreateView ? 0 : 1)
            .ToList();
        foreach (var other in related)
        {
            context.Claim(other);
        }

        var up = context.Ddl.Statements(drop, context.From, context.To)
            .Concat(related.SelectMany(c => context.Ddl.Statements(c, context.From, context.To)))
            .ToArray();
        var create = related.OfType<CreateView>().FirstOrDefault();
        var down = create is null
            ? context.Ddl.Statements(new CreateView(drop.View), context.From, context.From).ToArray()
            : context.Ddl.Statements(new DropView(create.View), context.To, context.From)
                .Concat(context.Ddl.Statements(new CreateView(drop.View), context.From, context.From))
                .Concat(drop.View.Indexes.SelectMany(i => context.Ddl.Statements(new AddIndex(drop.View.Name, i), context.From, context.From)))
                .ToArray();
        output.AppInstructions.Add((1, $"Stop selecting the columns {drop.View.Name} loses (it is re-created after release 2 is deployed)."));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 2, Phase.PostDeploy, "recreate_view_" + drop.View.Name.Name, $"re-create {drop.View.Name} with its new definition",
            RecipeSteps.Ddl(up), RecipeSteps.Ddl(down)));
    }

    private static bool ReadsRebuiltTable(DropView drop, PlanningContext context)
    {
        var rebuilt = context.Changes
            .Select(c => c.Change)
            .OfType<AlterTable>()
            .Where(a => a.Changed.HasFlag(TableChange.PartitionKey))
            .Select(a => a.Old.Name)
            .ToList();
        return rebuilt.Count > 0 && DependentViews.Of(context.From, rebuilt).Any(v => v.Name == drop.View.Name);
    }
}
