using SchemaPlanner.Changes;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>DETACH PARTITION takes ACCESS EXCLUSIVE on the parent; on PostgreSQL 14+ DETACH … CONCURRENTLY outside a transaction does not.</summary>
public sealed class DetachPartitionConcurrentlyRecipe : Recipe
{
    public override string Name => Safety.Recipes.DetachPartitionConcurrently;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterTable { Old.PartitionOf: { } parent, New.PartitionOf: null } alter || context.ServerVersionNumber < 140000 || alter.Changed != TableChange.PartitionOf)
        {
            AsIsRecipe.AsIsStep(change, context, output);
            return;
        }

        var (inverse, _) = ChangeInverter.Invert(change.Change);
        output.Steps.Add(new PlanStep
        {
            Release = 1,
            Phase = Phase.PreDeploy,
            Name = "detach_partition_" + alter.New.Name.Name,
            Title = $"detach {alter.New.Name} from {parent} concurrently",
            Up = RecipeSteps.Ddl($"ALTER TABLE {parent.Sql} DETACH PARTITION {alter.New.Name.Sql} CONCURRENTLY"),
            Down = inverse is null ? null : AsIsRecipe.Ddl(inverse, context),
            Transactional = false,
            LockTimeout = context.Settings.LockTimeout,
            Serves = change.Change,
            Hazards = change.Hazards,
        });
    }
}
