using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Attaching a partition: the plain ATTACH (SHARE UPDATE EXCLUSIVE on the parent on PostgreSQL 12+) under
/// lock_timeout with retries. The scan of the partition that ATTACH does can be skipped by a valid CHECK that
/// implies the bound; deriving that CHECK from the bound is left to the user (the rule's page shows how). A key of
/// the table that the parent's key replaces is handed over (<see cref="PartitionKeyHandover"/>).
/// ATTACH adopts a local index of the partition that matches one of the parent's as the partition's copy of it:
/// one the desired schema keeps local as well is renamed out of the way after the attach (it serves as the
/// parent's copy) and built again, concurrently, under its own name.
/// </summary>
public sealed class AttachPartitionWithCheckRecipe : Recipe
{
    public override string Name => Safety.Recipes.AttachPartitionWithCheck;

    public override int Priority => 180;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        AsIsSteps.Add(change, context, output);

        // The table's own key that the parent's replaces is adopted by the ATTACH, or dropped after it.
        PartitionKeyHandover.Plan(change, context, output);
        if (change.Change is not AlterTable { New.PartitionOf: { } parent } alter || alter.Old.PartitionOf == parent)
        {
            return;
        }

        foreach (var (adopted, parentIndex) in Adopted(context, alter.New.Name, parent))
        {
            var partition = alter.New.Name;
            var local = new QualifiedName(partition.Schema, adopted.Name);
            var copyName = PartitionedIndexSteps.PartitionIndexName(partition, parentIndex.Name);
            var copy = new QualifiedName(partition.Schema, copyName);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, Phase.PreDeploy, "rename_adopted_index_" + adopted.Name,
                $"rename {local}, which the attach made {partition}'s copy of {parent}'s {Sql.Quote(parentIndex.Name)}, to {Sql.Quote(copyName)} (catalog only)",
                RecipeSteps.Ddl(context, RecipeSteps.UnlessDone(context, new GuardSql.IndexAttached(local, Negated: true), new IndexSql.Rename(local, copyName))),
                RecipeSteps.Ddl(context, RecipeSteps.UnlessDone(context, new GuardSql.RelationExists(local), new IndexSql.Rename(copy, adopted.Name, IfExists: true)))));
            IndexBuildSteps.AddIndex(
                change, context, output, partition, adopted.Name, adopted.Definition, adopted.Unique, 1, Phase.PreDeploy,
                $"build the local index {local} again concurrently (the attach adopted the first one)");
        }
    }

    /// <summary>
    /// The partition's local indexes (no constraint) that the desired schema keeps local and that ATTACH would
    /// adopt: the only one of the same shape as an index the parent has before and after.
    /// </summary>
    private static IEnumerable<(Model.Index Local, Model.Index Parent)> Adopted(PlanningContext context, QualifiedName partition, QualifiedName parent)
    {
        var parentIndexes = context.From.FindTable(parent)?.Indexes
            .Where(i => i.Constraint is null && context.To.FindTable(parent)?.Indexes.Any(t => t.Name == i.Name && t.Shape == i.Shape) == true)
            .ToList() ?? [];
        var kept = context.From.FindTable(partition)?.Indexes
            .Where(i => i.Constraint is null && context.To.FindTable(partition)?.Indexes.Any(t => t.Name == i.Name && t.Constraint is null && t.Shape == i.Shape) == true)
            .ToList() ?? [];
        foreach (var parentIndex in parentIndexes)
        {
            var matching = kept.Where(i => i.Shape == parentIndex.Shape).ToList();
            if (matching.Count == 1)
            {
                yield return (matching[0], parentIndex);
            }
        }
    }
}
