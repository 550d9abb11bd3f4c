using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>
/// <c>CREATE INDEX CONCURRENTLY</c> is refused on a partitioned table (0A000). The index is built concurrently on
/// each partition instead, then created <c>ON ONLY</c> the parent (catalog only: no rows, invalid until every
/// partition has its index) and each partition's index is attached, which makes the parent's index valid. A
/// unique or primary key constraint goes the same way: each partition gets its constraint <c>USING INDEX</c>, and
/// the parent's <c>ADD CONSTRAINT</c> then adopts them instead of building. Only partitions that exist before and
/// after are built here: one created later gets the parent's indexes from PostgreSQL when it is attached. A table
/// the plan rebuilds as partitioned (a partition-key change) is partitioned by the time its indexes are built, with
/// the partitions the rebuild moved or created.
/// </summary>
internal static class PartitionedIndexSteps
{
    /// <summary>Whether the table is partitioned when the index is built (so a concurrent build on it would fail).</summary>
    public static bool Applies(PlanningContext context, QualifiedName table) =>
        context.To.FindTable(table) is { Kind: TableKind.Partitioned }
        && (context.From.FindTable(table) is { Kind: TableKind.Partitioned } || Rebuilt(context, table));

    /// <summary>Whether the plan rebuilds the table (a partition-key change creates it again, with its partitions).</summary>
    public static bool Rebuilt(PlanningContext context, QualifiedName table) =>
        context.Changes.Any(c => c.Change is Changes.AlterTable { Changed: var changed } alter && changed.HasFlag(Changes.TableChange.PartitionKey) && alter.New.Name == table);

    /// <summary>A plain index on a partitioned table.</summary>
    public static void AddIndex(ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, Model.Index index, Phase phase)
    {
        var catalog = new List<ISqlStatement>();
        var attaches = new List<ISqlStatement>();
        Build(change, context, output, table, index.Name, index.Definition, index.Unique, phase, catalog, attaches);
        var parent = new QualifiedName(table.Schema, index.Name);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, "attach_index_" + index.Name, $"create {parent} ON ONLY {table} and attach the partitions' indexes (catalog only)",
            RecipeSteps.Ddl(context, [.. catalog, .. attaches]),
            RecipeSteps.Ddl(context, new IndexSql.Drop(parent, IfExists: true))));
    }

    /// <summary>A unique or primary key constraint on a partitioned table whose partitions are all plain tables.</summary>
    public static bool TryAddConstraint(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, Constraint constraint, string definition, string kind, Phase phase)
    {
        var partitions = Partitions(context, table).ToList();
        if (partitions.Any(p => p.Kind == TableKind.Partitioned))
        {
            return false;
        }

        var statements = new List<ISqlStatement>();
        foreach (var partition in partitions)
        {
            var name = PartitionIndexName(partition.Name, constraint.Name);
            var index = new QualifiedName(partition.Name.Schema, name);
            output.Steps.Add(RecipeSteps.CreateIndexConcurrently(
                change, index, context.Render(Retarget(definition, unique: true, name, partition.Name, only: false)), 1, phase, $"build the unique index for {Sql.Quote(constraint.Name)} on partition {partition.Name} concurrently"));
            statements.Add(RecipeSteps.UnlessDone(
                context, new GuardSql.ConstraintExists(partition.Name, name),
                new ConstraintSql.AddUsingIndex(partition.Name, name, kind == UsingIndexSteps.PrimaryKey, name)));
        }

        statements.Add(RecipeSteps.UnlessDone(
            context, new GuardSql.ConstraintExists(table, constraint.Name),
            new ConstraintSql.AddKey(table, constraint.Name, kind == UsingIndexSteps.PrimaryKey, constraint.Columns, UsingIndexSteps.Deferrability(constraint))));
        output.Steps.Add(RecipeSteps.Locking(
            change, context, 1, phase, "add_" + constraint.Name + "_using_index", $"attach {Sql.Quote(constraint.Name)} to the partitions' indexes ({kind} USING INDEX on each, then on {table})",
            RecipeSteps.Ddl(context, statements),
            RecipeSteps.Ddl(context, new ConstraintSql.Drop(table, constraint.Name, IfExists: true))));
        return true;
    }

    /// <summary>
    /// Concurrent builds on the leaves (steps), and, top down, the ON ONLY creates of partitioned levels
    /// (<paramref name="catalog"/>) and, bottom up, the attaches (<paramref name="attaches"/>).
    /// </summary>
    private static void Build(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string name, string definition, bool unique,
        Phase phase, List<ISqlStatement> catalog, List<ISqlStatement> attaches)
    {
        var parent = new QualifiedName(table.Schema, name);
        catalog.Add(Retarget(definition, unique, name, table, only: true, ifNotExists: true));
        foreach (var partition in Partitions(context, table))
        {
            var childName = PartitionIndexName(partition.Name, name);
            var child = new QualifiedName(partition.Name.Schema, childName);
            if (partition.Kind == TableKind.Partitioned)
            {
                Build(change, context, output, partition.Name, childName, definition, unique, phase, catalog, attaches);
            }
            else
            {
                output.Steps.Add(RecipeSteps.CreateIndexConcurrently(
                    change, child, context.Render(Retarget(definition, unique, childName, partition.Name, only: false)), 1, phase, $"build index {child} on partition {partition.Name} concurrently"));
            }

            // Attaching an index already attached to this parent does nothing, so the step can run again.
            attaches.Add(new IndexSql.AttachPartition(parent, child));
        }
    }

    /// <summary>The partitions of <paramref name="table"/> before and after.</summary>
    internal static IEnumerable<Table> Partitions(PlanningContext context, QualifiedName table)
    {
        var rebuilt = Rebuilt(context, table);
        return context.To.Tables
            .Where(t => t.PartitionOf == table && (context.From.FindTable(t.Name) is { } was ? was.PartitionOf == table : rebuilt))
            .OrderBy(t => t.Name);
    }

    internal static string PartitionIndexName(QualifiedName partition, string index) => Sql.ShortName(partition.Name + "_" + index);

    /// <summary><c>CREATE [UNIQUE] INDEX name ON [ONLY] table USING …</c>, the part from USING on kept as pg_get_indexdef wrote it.</summary>
    private static IndexSql.CreateOn Retarget(string definition, bool unique, string name, QualifiedName table, bool only, bool ifNotExists = false)
    {
        var at = definition.IndexOf(" USING ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("not an index definition: " + definition);
        }

        return new IndexSql.CreateOn(name, table, definition[at..], unique, only, ifNotExists);
    }
}
