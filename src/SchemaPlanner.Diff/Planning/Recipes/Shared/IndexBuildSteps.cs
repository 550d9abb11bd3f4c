using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// The one decision every recipe goes through to build an index online: <c>CREATE [UNIQUE] INDEX CONCURRENTLY</c>
/// on a plain table, and on a table that is partitioned when the step runs (where CONCURRENTLY is refused, 0A000)
/// the partition-by-partition build of <see cref="PartitionedIndexSteps"/>. A unique or primary key index built for
/// a later <c>ADD CONSTRAINT … USING INDEX</c> goes through <see cref="AddKeyIndex"/> and <see cref="AttachKey"/>
/// (USING INDEX is refused on a partitioned table too: each partition gets its constraint, the parent's adopts them).
/// </summary>
internal static class IndexBuildSteps
{
    /// <summary>A plain (or unique, constraint-less) index <paramref name="name"/> on <paramref name="table"/>.</summary>
    public static void AddIndex(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string name, string definition, bool unique,
        int release, Phase phase, string title)
    {
        if (PartitionedIndexSteps.Applies(context, table))
        {
            PartitionedIndexSteps.AddIndex(change, context, output, table, name, definition, unique, release, phase);
            return;
        }

        output.Steps.Add(RecipeSteps.CreateIndexConcurrently(change, new QualifiedName(table.Schema, name), definition, release, phase, title));
    }

    /// <summary>The unique index <paramref name="index"/> a key is attached to later by <see cref="AttachKey"/>.</summary>
    public static void AddKeyIndex(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string index, string definition,
        int release, Phase phase, string title)
    {
        if (PartitionedIndexSteps.Applies(context, table))
        {
            PartitionedIndexSteps.AddKeyIndexes(change, context, output, table, index, definition, release, phase, title);
            return;
        }

        output.Steps.Add(RecipeSteps.CreateIndexConcurrently(change, new QualifiedName(table.Schema, index), definition, release, phase, title));
    }

    /// <summary>
    /// (Rollback only) the unique index a key is attached to again on the way down, built concurrently there
    /// (<see cref="RollbackSteps.DownOnlyIndex"/>), on each partition of a partitioned table.
    /// </summary>
    public static void AddRollbackKeyIndex(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string index, string definition, int release, string title)
    {
        if (PartitionedIndexSteps.Applies(context, table))
        {
            foreach (var (leaf, name, leafDefinition) in PartitionedIndexSteps.LeafKeyIndexes(context, table, index, definition))
            {
                output.Steps.Add(RollbackSteps.DownOnlyIndex(change, context, new QualifiedName(leaf.Schema, name), leafDefinition, release, $"{title} (partition {leaf})"));
            }

            return;
        }

        output.Steps.Add(RollbackSteps.DownOnlyIndex(change, context, new QualifiedName(table.Schema, index), definition, release, title));
    }

    /// <summary>
    /// <c>ADD CONSTRAINT … USING INDEX</c> of <paramref name="constraint"/> over the index <see cref="AddKeyIndex"/> built
    /// (on a partitioned table: on each partition, then the parent's ADD CONSTRAINT, which adopts them). Catalog only.
    /// </summary>
    public static IReadOnlyList<ISqlStatement> AttachKey(PlanningContext context, QualifiedName table, Constraint constraint, string index, bool guarded = false)
    {
        if (PartitionedIndexSteps.Applies(context, table))
        {
            return PartitionedIndexSteps.AttachKey(context, table, constraint, index, guarded);
        }

        ISqlStatement add = UsingIndexSteps.AddUsingIndex(table, constraint, index);
        return [guarded ? RecipeSteps.UnlessDone(context, new GuardSql.ConstraintExists(table, constraint.Name), add) : add];
    }
}
