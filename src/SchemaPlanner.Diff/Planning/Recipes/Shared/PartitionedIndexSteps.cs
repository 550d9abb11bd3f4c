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

    /// <summary>A plain index on a partitioned table: the leaves' concurrent builds, then one step for the catalog.</summary>
    public static void AddIndex(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string name, string definition, bool unique, int release, Phase phase)
    {
        var catalog = new List<ISqlStatement>();
        var attaches = new List<ISqlStatement>();
        Build(change, context, output, table, name, definition, unique, release, phase, catalog, attaches);
        var parent = new QualifiedName(table.Schema, name);
        output.Steps.Add(RecipeSteps.Locking(
            change, context, release, phase, "attach_index_" + name, $"create {parent} ON ONLY {table} and attach the partitions' indexes (catalog only)",
            RecipeSteps.Ddl(context, [.. catalog, .. attaches]),
            RecipeSteps.Ddl(context, new IndexSql.Drop(parent, IfExists: true))));
    }

    /// <summary>
    /// The unique index of a key to come, built concurrently on every leaf partition (named
    /// <see cref="PartitionIndexName"/> of the leaf and <paramref name="index"/>); <see cref="AttachKey"/> attaches them.
    /// </summary>
    public static void AddKeyIndexes(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string index, string definition, int release, Phase phase, string title)
    {
        foreach (var (leaf, name, leafDefinition) in LeafKeyIndexes(context, table, index, definition))
        {
            output.Steps.Add(RecipeSteps.CreateIndexConcurrently(change, new QualifiedName(leaf.Schema, name), leafDefinition, release, phase, $"{title} (partition {leaf})"));
        }
    }

    /// <summary>Each leaf partition with the name and definition of its part of the key index <paramref name="index"/>.</summary>
    public static IEnumerable<(QualifiedName Leaf, string Name, string Definition)> LeafKeyIndexes(PlanningContext context, QualifiedName table, string index, string definition) =>
        Leaves(context, table).Select(leaf =>
        {
            var name = PartitionIndexName(leaf.Name, index);
            return (leaf.Name, name, context.Render(Retarget(definition, unique: true, name, leaf.Name, only: false)));
        });

    /// <summary>
    /// Each leaf's constraint <c>USING INDEX</c> its index from <see cref="AddKeyIndexes"/>, then the parent's
    /// <c>ADD CONSTRAINT … (columns)</c>, which adopts them (through any partitioned levels between) instead of building.
    /// </summary>
    public static IReadOnlyList<ISqlStatement> AttachKey(PlanningContext context, QualifiedName table, Constraint constraint, string index, bool guarded)
    {
        var primaryKey = constraint.Kind == ConstraintKind.PrimaryKey;
        var statements = new List<ISqlStatement>();
        ISqlStatement Guarded(QualifiedName on, string name, ISqlStatement statement) =>
            guarded ? RecipeSteps.UnlessDone(context, new GuardSql.ConstraintExists(on, name), statement) : statement;
        foreach (var leaf in Leaves(context, table))
        {
            var name = PartitionIndexName(leaf.Name, constraint.Name);
            statements.Add(Guarded(leaf.Name, name, new ConstraintSql.AddUsingIndex(leaf.Name, name, primaryKey, PartitionIndexName(leaf.Name, index))));
        }

        statements.Add(Guarded(table, constraint.Name, new ConstraintSql.AddKey(table, constraint.Name, primaryKey, constraint.Columns, UsingIndexSteps.Deferrability(constraint))));
        return statements;
    }

    /// <summary>The plain tables under <paramref name="table"/>, through partitioned levels, before and after.</summary>
    private static IEnumerable<Table> Leaves(PlanningContext context, QualifiedName table) =>
        Partitions(context, table).SelectMany(p => p.Kind == TableKind.Partitioned ? Leaves(context, p.Name) : [p]);

    /// <summary>
    /// Concurrent builds on the leaves (steps), and, top down, the ON ONLY creates of partitioned levels
    /// (<paramref name="catalog"/>) and, bottom up, the attaches (<paramref name="attaches"/>).
    /// </summary>
    private static void Build(
        ClassifiedChange change, PlanningContext context, RecipeOutput output, QualifiedName table, string name, string definition, bool unique,
        int release, Phase phase, List<ISqlStatement> catalog, List<ISqlStatement> attaches)
    {
        var parent = new QualifiedName(table.Schema, name);
        catalog.Add(Retarget(definition, unique, name, table, only: true, ifNotExists: true));
        foreach (var partition in Partitions(context, table))
        {
            var childName = PartitionIndexName(partition.Name, name);
            var child = new QualifiedName(partition.Name.Schema, childName);
            if (partition.Kind == TableKind.Partitioned)
            {
                Build(change, context, output, partition.Name, childName, definition, unique, release, phase, catalog, attaches);
            }
            else
            {
                output.Steps.Add(RecipeSteps.CreateIndexConcurrently(
                    change, child, context.Render(Retarget(definition, unique, childName, partition.Name, only: false)), release, phase, $"build index {child} on partition {partition.Name} concurrently"));
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
