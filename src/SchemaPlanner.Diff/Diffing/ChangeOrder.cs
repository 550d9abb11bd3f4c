using SchemaPlanner.Sources.Scripts;
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
    /// <summary>Depth of an aggregate among functions: past any function it could name as a support function.</summary>
    private const int AggregateDepth = 1000;

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
        var depthFrom = new Depth(Depths(from), FunctionDepths(from));
        var depthTo = new Depth(Depths(to), FunctionDepths(to));
        var byRank = changes
            .Select((change, index) => (change, index))
            .OrderBy(x => SortRank(x.change, to))
            .ThenBy(x => DepthKey(x.change, depthFrom, depthTo))
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

    /// <summary>Dependency depths of one model: relations (tables, views) and functions, each by name.</summary>
    private sealed record Depth(Dictionary<QualifiedName, int> Relations, Dictionary<QualifiedName, int> Functions);

    private static int DepthKey(Change change, Depth fromDepth, Depth toDepth)
    {
        var (from, to) = (fromDepth.Relations, toDepth.Relations);
        return change switch
        {
            // Functions a SQL-standard body calls are created before it and dropped after it; an aggregate after
            // (and dropped before) the support functions it names.
            CreateFunction { Function.IsAggregate: true } or ReplaceFunction { New.IsAggregate: true } => AggregateDepth,
            DropFunction { Function.IsAggregate: true } => -AggregateDepth,
            CreateFunction f => toDepth.Functions.GetValueOrDefault(f.Function.Name),
            ReplaceFunction f => toDepth.Functions.GetValueOrDefault(f.New.Name),
            DropFunction f => -fromDepth.Functions.GetValueOrDefault(f.Function.Name),
            DropView v => -from.GetValueOrDefault(v.View.Name),
            DropTable t => -from.GetValueOrDefault(t.Definition.Name),
            CreateView v => to.GetValueOrDefault(v.View.Name),
            ReplaceView v => to.GetValueOrDefault(v.New.Name),
            CreateTable t => to.GetValueOrDefault(t.Definition.Name),
            AddIndex i => to.GetValueOrDefault(i.TableName),

        // Detaching from a parent first, then parents before children (a rebuilt parent before its partitions attach).
            AlterTable t when (t.Changed.HasFlag(TableChange.PartitionOf) && t.Old.PartitionOf is not null)
                || (t.Changed.HasFlag(TableChange.Inheritance) && t.Old.Inherits.Any(p => !t.New.Inherits.Contains(p))) => -1 - from.GetValueOrDefault(t.Old.Name),
            AlterTable t => to.GetValueOrDefault(t.New.Name),
            _ => 0,
        };
    }

    /// <summary>
    /// Dependency depth of functions: a SQL-standard body (<c>RETURN …</c>, <c>BEGIN ATOMIC</c>) is parsed at
    /// creation, so the functions it calls must exist first (<c>check_function_bodies = off</c> does not help). A
    /// function calls another when a name token of its definition is the other's name followed by a parenthesis (schema
    /// qualification is not compared: a false match only reorders).
    /// </summary>
    private static Dictionary<QualifiedName, int> FunctionDepths(SchemaModel model)
    {
        var names = model.Functions.Select(f => f.Name).Distinct().ToList();
        var calls = model.Functions
            .GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => names.Where(n => n != g.Key && g.Any(f => Calls(f.Definition, n))).ToList());
        var depth = new Dictionary<QualifiedName, int>();
        int Depth(QualifiedName name, int guard)
        {
            if (depth.TryGetValue(name, out var known))
            {
                return known;
            }

            if (guard > 100 || !calls.TryGetValue(name, out var callees))
            {
                return 0;
            }

            var d = callees.Select(c => Depth(c, guard + 1) + 1).DefaultIfEmpty(0).Max();
            depth[name] = d;
            return d;
        }

        foreach (var name in names)
        {
            Depth(name, 0);
        }

        return depth;
    }

    private static bool Calls(string definition, QualifiedName function) => SqlIdentifiers.Calls(definition, function.Name);

    /// <summary>Dependency depth of tables (partition/inheritance parents) and views (relations they read).</summary>
    private static Dictionary<QualifiedName, int> Depths(SchemaModel model)
    {
        var parents = new Dictionary<QualifiedName, IEnumerable<QualifiedName>>();
        foreach (var table in model.Tables)
        {
            parents[table.Name] = table.Inherits.Concat(table.PartitionOf is { } p ? [p] : Array.Empty<QualifiedName>());
        }

        foreach (var view in model.Views)
        {
            parents[view.Name] = view.DependsOn;
        }

        var depth = new Dictionary<QualifiedName, int>();
        int Depth(QualifiedName name, int guard)
        {
            if (depth.TryGetValue(name, out var known))
            {
                return known;
            }

            if (guard > 1000 || !parents.TryGetValue(name, out var ps))
            {
                return 0;
            }

            var d = ps.Select(p => Depth(p, guard + 1) + 1).DefaultIfEmpty(0).Max();
            depth[name] = d;
            return d;
        }

        foreach (var name in parents.Keys)
        {
            Depth(name, 0);
        }

        // Views come after every table: shift them past the deepest table.
        return depth;
    }
}
