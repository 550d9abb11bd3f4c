using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// A partitioned table refuses <c>FOREIGN KEY … NOT VALID</c> (42809), and a plain one scans every partition under
/// its lock. Each partition gets the foreign key <c>NOT VALID</c> and then <c>VALIDATE</c> (no write blocked), and
/// the parent's <c>ADD CONSTRAINT</c> adopts those valid constraints instead of checking the rows again.
/// </summary>
internal static class PartitionedForeignKeySteps
{
    /// <summary>False when a partition is itself partitioned (left to the plain statement).</summary>
    public static bool TryAdd(ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, Constraint constraint, Phase phase)
    {
        var partitions = PartitionedIndexSteps.Partitions(context, table).ToList();
        if (partitions.Any(p => p.Kind == TableKind.Partitioned))
        {
            return false;
        }

        foreach (var partition in partitions)
        {
            var raw = PartitionedIndexSteps.PartitionIndexName(partition.Name, constraint.Name);
            var name = Sql.Quote(raw);
            var drop = new ConstraintSql.Drop(partition.Name, raw, IfExists: true);
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, phase, "add_" + constraint.Name + "_not_valid_on_" + partition.Name.Name, $"add constraint {name} on partition {partition.Name} NOT VALID (checks new rows only)",
                RecipeSteps.Ddl(context, drop, new ConstraintSql.Add(partition.Name, raw, constraint.Definition, NotValid: true)),
                RecipeSteps.Ddl(context, drop)));
            output.Steps.Add(RecipeSteps.Locking(
                change, context, 1, phase, "validate_" + constraint.Name + "_on_" + partition.Name.Name, $"validate constraint {name} on partition {partition.Name} (scans without blocking writes)",
                RecipeSteps.Ddl(context, new ConstraintSql.Validate(partition.Name, raw)),
                RecipeSteps.Ddl()) with { StatementTimeout = "0" });
        }

        var quoted = Sql.Quote(constraint.Name);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, "add_" + constraint.Name, $"add constraint {quoted} on {table}, adopting the partitions' validated constraints",
            RecipeSteps.Ddl(context, RecipeSteps.UnlessDone(context, new GuardSql.ConstraintExists(table, constraint.Name), new ConstraintSql.Add(table, constraint.Name, constraint.Definition))),
            RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, constraint.Name, IfExists: true))));
        return true;
    }
}
