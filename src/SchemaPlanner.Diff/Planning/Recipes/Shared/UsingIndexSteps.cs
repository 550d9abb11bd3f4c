using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>A unique or primary key constraint without a long lock: its index built CONCURRENTLY, then attached with <c>USING INDEX</c>.</summary>
internal static class UsingIndexSteps
{
    /// <summary>The <c>kind</c> of a primary key (the other is <c>UNIQUE</c>).</summary>
    internal const string PrimaryKey = "PRIMARY KEY";

    internal static void Add(ClassifiedChange change, PlanningContext context, RecipeOutput output, AddConstraint add, string kind)
    {
        var table = add.TableName;
        var constraint = add.Constraint;
        var name = Sql.Quote(constraint.Name);
        var index = new QualifiedName(table.Schema, constraint.Name);
        var phase = Placement.For(context, table, constraint.Columns);
        var definition = context.To.FindTable(table)?.Indexes.FirstOrDefault(i => i.Constraint == constraint.Name)?.Definition
            ?? context.Render(new IndexSql.CreateUnique(constraint.Name, table, constraint.Columns));
        IndexBuildSteps.AddKeyIndex(change, context, output, table, index.Name, definition, 1, phase, $"build the unique index for {name} concurrently");
        var onPartitions = PartitionedIndexSteps.Applies(context, table) ? $" (on each partition, then on {table})" : ", a brief lock";
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, "add_" + constraint.Name + "_using_index", $"attach {name} to its index ({kind} USING INDEX{onPartitions})",
            RecipeSteps.Ddl(context, IndexBuildSteps.AttachKey(context, table, constraint, index.Name, guarded: true)),
            RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, constraint.Name, IfExists: true))));
    }

    /// <summary><c>ADD CONSTRAINT … PRIMARY KEY|UNIQUE USING INDEX index</c> with the constraint's deferrability.</summary>
    internal static ConstraintSql.AddUsingIndex AddUsingIndex(QualifiedName table, Constraint constraint, string index) =>
        new(table, constraint.Name, constraint.Kind == ConstraintKind.PrimaryKey, index, Deferrability(constraint));

    /// <summary>The constraint's deferrability clause, or null when it is not deferrable.</summary>
    internal static string? Deferrability(Constraint constraint) =>
        constraint.Deferrable ? (constraint.InitiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE") : null;
}
