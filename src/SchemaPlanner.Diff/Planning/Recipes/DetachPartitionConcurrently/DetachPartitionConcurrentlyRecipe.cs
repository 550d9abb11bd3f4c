using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>DETACH PARTITION takes ACCESS EXCLUSIVE on the parent; on PostgreSQL 14+ DETACH … CONCURRENTLY outside a transaction does not.</summary>
public sealed class DetachPartitionConcurrentlyRecipe : Recipe
{
    public override string Name => Safety.Recipes.DetachPartitionConcurrently;

    public override int Priority => 190;

    public override void Plan(ClassifiedChange change, PlanningContext context, RecipeOutput output)
    {
        if (change.Change is not AlterTable { Old.PartitionOf: { } parent, New.PartitionOf: null } alter || context.ServerVersionNumber < 140000 || alter.Changed != TableChange.PartitionOf)
        {
            AsIsSteps.Add(change, context, output);
            return;
        }

        var (down, _) = context.Ddl.Down(change.Change, context.From, context.To);
        output.Steps.Add(new PlanStep
        {
            Release = 1,
            Phase = Phase.PreDeploy,
            Name = "detach_partition_" + alter.New.Name.Name,
            Title = $"detach {alter.New.Name} from {parent} concurrently",
            Up = RecipeSteps.Ddl(context, new TableSql.DetachPartition(parent, alter.New.Name, Concurrently: true)),
            Down = down is null ? null : new StepSql(new DdlData(down)),
            Transactional = false,
            LockTimeout = context.Settings.LockTimeout,
            Serves = change.Change,
            Hazards = change.Hazards,
        });

        // DETACH … CONCURRENTLY leaves a CHECK copying the partition bound on the detached table (named by
        // PostgreSQL, e.g. <table>_<column>_check), and the copies of the parent's foreign keys; the desired table
        // has neither (the way down, ATTACH copies the foreign keys again).
        var table = alter.New.Name;
        // Its copies of the parent's foreign keys, keys and indexes stay too, as its own: what it had itself is kept.
        var keep = context.To.FindTable(table)?.Constraints.Where(c => c.Kind == Model.ConstraintKind.Check).Select(c => c.Name).ToList() ?? [];
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, Phase.PreDeploy, "drop_detach_check_" + table.Name, $"drop the CHECK and the copies of the parent's keys and indexes that DETACH … CONCURRENTLY left on {table}",
            RecipeSteps.Ddl(context, [new TableSql.DropDetachLeftoverChecks(table, keep), .. Planning.Ddl.Generators.TableDdl.DetachLeftovers(alter.Old, context.To.FindTable(table))]), RecipeSteps.Ddl()));
    }
}
