using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Dependency depth of tables, views and functions in the current and the target model: the tie-breaker below the
/// dependency graph and a change type's rank (<see cref="ChangeOrder"/>). Each change type says which depth it sorts
/// by beside its DDL (<see cref="Planning.Ddl.DdlHandler.Depth"/>): what it creates by the target model's depth
/// (parents and referenced objects first), what it drops by the current model's, negated (dependents first).
/// </summary>
internal sealed class DependencyDepths(SchemaModel from, SchemaModel to)
{
    /// <summary>Depth of an aggregate among functions: past any function it could name as a support function.</summary>
    public const int Aggregate = 1000;

    private readonly Dictionary<QualifiedName, int> relationsFrom = RelationDepths(from);
    private readonly Dictionary<QualifiedName, int> relationsTo = RelationDepths(to);
    private readonly Dictionary<QualifiedName, int> functionsFrom = FunctionDepths(from);
    private readonly Dictionary<QualifiedName, int> functionsTo = FunctionDepths(to);

    /// <summary>A table or view created or altered (or an index on it): after the relations it reads or inherits.</summary>
    public int Created(QualifiedName relation) => relationsTo.GetValueOrDefault(relation);

    /// <summary>A table or view dropped: before the relations it reads or inherits.</summary>
    public int Dropped(QualifiedName relation) => -relationsFrom.GetValueOrDefault(relation);

    /// <summary>A table detached from its parent: first of all, before parents are rebuilt and children attach.</summary>
    public int Detached(QualifiedName relation) => -1 - relationsFrom.GetValueOrDefault(relation);

    /// <summary>
    /// A function created or replaced: after the functions its SQL-standard body calls (an aggregate: after its support
    /// functions).
    /// </summary>
    public int CreatedFunction(QualifiedName function) => functionsTo.GetValueOrDefault(function);

    /// <summary>A function dropped: before the functions it calls.</summary>
    public int DroppedFunction(QualifiedName function) => -functionsFrom.GetValueOrDefault(function);

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
            .ToDictionary(g => g.Key, g => (IEnumerable<QualifiedName>)names.Where(n => n != g.Key && g.Any(f => Calls(f.Definition, n))).ToList());
        return Depths(calls);
    }

    private static bool Calls(string definition, QualifiedName function) => SqlIdentifiers.Calls(definition, function.Name);

    /// <summary>Dependency depth of tables (partition/inheritance parents) and views (relations they read).</summary>
    private static Dictionary<QualifiedName, int> RelationDepths(SchemaModel model)
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

        return Depths(parents);
    }

    /// <summary>
    /// Each object's depth over what it needs (<paramref name="needs"/>): 0 with nothing it needs, else one past the
    /// deepest. A cycle (or a chain past 1,000) stops counting there: depth only breaks ties, the graph orders.
    /// </summary>
    private static Dictionary<QualifiedName, int> Depths(Dictionary<QualifiedName, IEnumerable<QualifiedName>> needs)
    {
        var depth = new Dictionary<QualifiedName, int>();
        int Depth(QualifiedName name, int guard)
        {
            if (depth.TryGetValue(name, out var known))
            {
                return known;
            }

            if (guard > 1000 || !needs.TryGetValue(name, out var needed))
            {
                return 0;
            }

            var d = needed.Select(n => Depth(n, guard + 1) + 1).DefaultIfEmpty(0).Max();
            depth[name] = d;
            return d;
        }

        foreach (var name in needs.Keys)
        {
            Depth(name, 0);
        }

        return depth;
    }
}
