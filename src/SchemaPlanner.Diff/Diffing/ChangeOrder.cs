using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Orders changes so each can be applied after the ones before it: dependents are dropped before what they
/// depend on, and created after it, by PostgreSQL's dependency graph (<see cref="DependencyOrder"/>). The rank per
/// kind of change, the dependency depth of tables, views and functions and the order the differ emitted (itself
/// sorted by name) only break ties between changes with no dependency between them, so the result is deterministic.
/// </summary>
internal static class ChangeOrder
{
    /// <summary>
    /// The tie-breaking rank of a change, declared by its change type beside its DDL (<see cref="DdlHandler"/>):
    /// drops of dependents first (triggers, policies, views, constraints, columns, tables, functions), then creates
    /// and alters from containers to contents (schemas, extensions, types, sequences, functions, tables, columns),
    /// drops of types and containers once no column uses them, constraints, indexes, views, triggers, comments.
    /// </summary>
    public static int Rank(Change change) => DdlGenerators.For(change).Rank(change);

    /// <summary>
    /// Sorts by the dependency graph; ties by rank, then by dependency depth (parents and referenced objects first
    /// when creating, last when dropping).
    /// </summary>
    public static IReadOnlyList<Change> Sort(IEnumerable<Change> changes, SchemaModel from, SchemaModel to)
    {
        var depths = new DependencyDepths(from, to);
        var byRank = changes
            .Select((change, index) => (change, index))
            .OrderBy(x => SortRank(x.change, to))
            .ThenBy(x => DdlGenerators.For(x.change).Depth?.Invoke(x.change, depths) ?? 0)
            .ThenBy(x => x.index)
            .Select(x => x.change)
            .ToList();
        return DependencyOrder.Sort(byRank, from, to);
    }

    /// <summary>
    /// <see cref="Rank"/>, refined where the target model decides (an index on a materialized view waits for the
    /// view; a sequence is disowned before its owning column or table is dropped, which would drop it too).
    /// </summary>
    private static int SortRank(Change change, SchemaModel to)
    {
        var handler = DdlGenerators.For(change);
        return handler.RankIn?.Invoke(change, to) ?? handler.Rank(change);
    }
}
