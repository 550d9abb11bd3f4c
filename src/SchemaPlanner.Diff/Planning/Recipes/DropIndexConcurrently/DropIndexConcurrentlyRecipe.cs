using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// DROP INDEX takes ACCESS EXCLUSIVE on the table: DROP INDEX CONCURRENTLY after the deploy instead. An index
/// replaced under its name on the same table is dropped before the deploy, ahead of its successor's build; one whose
/// name a new index on another table of the schema takes is renamed away before the deploy (<c>&lt;name&gt;__replaced</c>)
/// and dropped under that name after it, and the down gives the name back last.
/// </summary>
public sealed class DropIndexConcurrentlyRecipe : Recipe
{
    public override string Name => Safety.Recipes.DropIndexConcurrently;

    public override int Priority => 140;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not DropIndex drop)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        // An index a new UNIQUE or PRIMARY KEY of the same name and shape takes over (ADD CONSTRAINT … USING INDEX,
        // whose concurrent build finds it there) is kept: dropping it would drop the constraint or fail.
        if (context.To.FindTable(drop.TableName)?.Indexes.Any(i => i.Name == drop.Index.Name && i.Constraint is not null && i.Shape == drop.Index.Shape) == true
            && context.Changes.Any(c => c.Change is AddConstraint a && a.TableName == drop.TableName && a.Constraint.Name == drop.Index.Name)
            && drop.Index.Valid)
        {
            return;
        }

        // An index replaced under the same name must be gone before its successor is built.
        var index = new QualifiedName(drop.TableName.Schema, drop.Index.Name);
        var replaced = context.Changes.Any(c => c.Change is AddIndex a && a.TableName == drop.TableName && a.Index.Name == drop.Index.Name);
        if (!replaced && TakenElsewhere(drop, context))
        {
            // Index names are unique per schema: a new index of this name on another table needs the name before
            // this one may go (after the deploy, the old version may still use it). Renamed away before it is built
            // (a catalog-only ALTER INDEX), dropped under that name; on the way down the name comes back last.
            var away = PlanningContext.HelperName(drop.Index.Name + "__replaced");
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, "rename_index_" + drop.Index.Name + "_away",
                $"rename index {index} to {Sql.Quote(away)}, so a new index on another table can take its name (it is dropped after the deploy)",
                RecipeSteps.Ddl(context, new IndexSql.Rename(index, away)),
                RecipeSteps.Ddl(context, new IndexSql.Rename(index with { Name = away }, drop.Index.Name))));
            output.Steps.Add(RecipeSteps.DropIndexConcurrently(change, index with { Name = away }, Renamed(drop.Index.Definition, drop.Index.Name, away), 1, Phase.PostDeploy));
            return;
        }

        output.Steps.Add(RecipeSteps.DropIndexConcurrently(change, index, drop.Index.Definition, 1, replaced ? Phase.PreDeploy : Phase.PostDeploy));
    }

    /// <summary>A new index or unique/primary key constraint of the dropped index's name on another table of its schema.</summary>
    private static bool TakenElsewhere(DropIndex drop, PlanningContext context) =>
        context.Changes.Any(c => c.Change switch
        {
            AddIndex a => a.TableName != drop.TableName && a.TableName.Schema == drop.TableName.Schema && a.Index.Name == drop.Index.Name,
            AddConstraint a => a.TableName != drop.TableName && a.TableName.Schema == drop.TableName.Schema && a.Constraint.Name == drop.Index.Name,
            _ => false,
        });

    /// <summary>The index's definition (<c>CREATE [UNIQUE] INDEX name ON …</c>, as pg_get_indexdef writes it) under another name.</summary>
    private static string Renamed(string definition, string name, string newName)
    {
        var quoted = " INDEX " + Sql.Quote(name) + " ON ";
        var at = definition.IndexOf(quoted, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"index definition without its name {Sql.Quote(name)}: {definition}")
            : definition[..at] + " INDEX " + Sql.Quote(newName) + " ON " + definition[(at + quoted.Length)..];
    }
}
