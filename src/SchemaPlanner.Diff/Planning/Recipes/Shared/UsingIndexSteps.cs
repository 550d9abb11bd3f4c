using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>A unique or primary key constraint without a long lock: its index built CONCURRENTLY, then attached with <c>USING INDEX</c>.</summary>
internal static class UsingIndexSteps
{
    internal static void Add(ClassifiedChange change, PlanningContext context, RecipeOutput output, AddConstraint add, string kind, int sequence)
    {
        var table = add.TableName;
        var constraint = add.Constraint;
        var name = Sql.Quote(constraint.Name);
        var index = new QualifiedName(table.Schema, constraint.Name);
        var phase = Placement.For(context, table, constraint.Columns);
        var definition = context.To.FindTable(table)?.Indexes.FirstOrDefault(i => i.Constraint == constraint.Name)?.Definition
            ?? $"CREATE UNIQUE INDEX {name} ON {table.Sql} USING btree ({string.Join(", ", constraint.Columns.Select(Sql.Quote))})";
        if (PartitionedIndexSteps.Applies(context, table) && PartitionedIndexSteps.TryAddConstraint(change, context, output, table, constraint, definition, kind, phase, sequence))
        {
            return;
        }

        output.Steps.Add(RecipeSteps.CreateIndexConcurrently(change, index, definition, 1, phase, sequence, $"build the unique index for {name} concurrently"));
        var deferrable = constraint.Deferrable ? (constraint.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "";
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, sequence + 1, "add_" + constraint.Name + "_using_index", $"attach {name} to its index ({kind} USING INDEX, a brief lock)",
            RecipeSteps.Ddl(RecipeSteps.UnlessDone(RecipeSteps.ConstraintExists(table, constraint.Name), $"ALTER TABLE {table.Sql} ADD CONSTRAINT {name} {kind} USING INDEX {name}{deferrable}")),
            RecipeSteps.Ddl($"ALTER TABLE {table.Sql} DROP CONSTRAINT IF EXISTS {name}")));
    }
}
