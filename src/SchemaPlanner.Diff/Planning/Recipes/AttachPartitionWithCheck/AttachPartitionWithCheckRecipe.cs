using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// Attaching a partition: the plain ATTACH (SHARE UPDATE EXCLUSIVE on the parent on PostgreSQL 12+) under
/// lock_timeout with retries. The scan of the partition that ATTACH does can be skipped by a valid CHECK that
/// implies the bound; deriving that CHECK from the bound is left to the user (the rule's page shows how). A key of
/// the table that the parent's key replaces is handed over (<see cref="PartitionKeyHandover"/>).
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
    }
}
