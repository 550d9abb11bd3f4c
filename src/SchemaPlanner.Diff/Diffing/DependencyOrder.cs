using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Orders changes by the dependency graph PostgreSQL records (<see cref="SchemaModel.Dependencies"/>) over both
/// models at once: a change that creates or alters X runs after the changes that create what X needs in the desired
/// schema; a change that drops X runs after the changes that drop (or alter away from X) what needed X in the current
/// schema; a drop runs before a create of the same name. Among changes free to run, the one first in the given
/// order (by rank, then name) runs first, so the result is deterministic and changes without a dependency between
/// them keep the order they had. A cycle is broken like <c>pg_dump</c> does, at the change first in that order: the
/// graph has none for function bodies (run with <c>check_function_bodies = off</c>, only SQL-standard bodies record
/// dependencies), and views are dropped before and re-created after what they read, so a cycle only comes from
/// changes that both drop and create.
/// </summary>
internal static class DependencyOrder
{
    public static IReadOnlyList<Change> Sort(IReadOnlyList<Change> changes, SchemaModel from, SchemaModel to)
    {
        var edges = Edges(changes, from, to);
        var before = new int[changes.Count];
        foreach (var (_, targets) in edges)
        {
            foreach (var target in targets)
            {
                before[target]++;
            }
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, changes.Count).Where(i => before[i] == 0));
        var done = new bool[changes.Count];
        var result = new List<Change>(changes.Count);
        while (result.Count < changes.Count)
        {
            // Stuck on a cycle: the earliest change still waiting goes first.
            var next = ready.Count > 0 ? ready.Min : Enumerable.Range(0, changes.Count).First(i => !done[i]);
            ready.Remove(next);
            done[next] = true;
            result.Add(changes[next]);
            foreach (var target in edges.GetValueOrDefault(next, []))
            {
                if (!done[target] && --before[target] == 0)
                {
                    ready.Add(target);
                }
            }
        }

        return result;
    }

    /// <summary>For each change, the changes that must run after it (no duplicates, no self-edges).</summary>
    private static Dictionary<int, HashSet<int>> Edges(IReadOnlyList<Change> changes, SchemaModel from, SchemaModel to)
    {
        var creates = changes.Select(ChangeObjects.Creates).ToList();
        var drops = changes.Select(ChangeObjects.Drops).ToList();
        var creators = Index(creates);
        var droppers = Index(drops);
        var needs = to.Dependencies.ToLookup(d => d.Dependent, d => d.Referenced);
        var desired = to.Dependencies.ToHashSet();
        var neededBy = from.Dependencies.ToLookup(d => d.Referenced, d => d.Dependent);
        var edges = new Dictionary<int, HashSet<int>>();
        void Edge(int first, int then)
        {
            if (first != then)
            {
                (edges.TryGetValue(first, out var set) ? set : edges[first] = []).Add(then);
            }
        }

        for (var i = 0; i < changes.Count; i++)
        {
            foreach (var needed in creates[i].SelectMany(c => needs[c]).Concat(ChangeObjects.Needs(changes[i])))
            {
                foreach (var creator in creators.GetValueOrDefault(needed, []))
                {
                    Edge(creator, i);
                }
            }

            foreach (var dropped in drops[i])
            {
                foreach (var dependent in neededBy[dropped])
                {
                    // A dependent that stays (altered in place, no longer needing it) is altered before the drop.
                    var first = droppers.TryGetValue(dependent, out var dropping)
                        ? dropping
                        : desired.Contains(new Dependency(dependent, dropped)) ? [] : creators.GetValueOrDefault(dependent, []);
                    foreach (var j in first)
                    {
                        Edge(j, i);
                    }
                }

                foreach (var creator in creators.GetValueOrDefault(dropped, []))
                {
                    Edge(i, creator);
                }
            }
        }

        SameNameDropsFirst(changes, creates, drops, Edge);
        RowLevelSecurityAroundPolicies(changes, Edge);
        return edges;
    }

    /// <summary>
    /// Access never breaks: row-level security is enabled or forced once the table's desired policies exist, and
    /// disabled (or unforced) before any of its policies is dropped. A policy needs its table, not the table's RLS
    /// flag, so pg_depend gives no edge for this; these edges are the one place the rule lives (no rank for it).
    /// </summary>
    private static void RowLevelSecurityAroundPolicies(IReadOnlyList<Change> changes, Action<int, int> edge)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is not AlterTable { } alter || !alter.Changed.HasFlag(TableChange.RowLevelSecurity))
            {
                continue;
            }

            var tightens = (alter.New.RowLevelSecurity && !alter.Old.RowLevelSecurity) || (alter.New.ForceRowLevelSecurity && !alter.Old.ForceRowLevelSecurity);
            for (var j = 0; j < changes.Count; j++)
            {
                switch (changes[j])
                {
                    case CreatePolicy p when tightens && p.TableName == alter.New.Name:
                    case AlterPolicy a when tightens && a.TableName == alter.New.Name:
                        edge(j, i);
                        break;
                    case DropPolicy d when !tightens && d.TableName == alter.Old.Name:
                        edge(i, j);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Two objects that cannot exist at once although their model identities differ: an index name is unique in
    /// its schema (whatever the table), and a function whose parameters are renamed has the same signature.
    /// </summary>
    private static void SameNameDropsFirst(IReadOnlyList<Change> changes, List<IReadOnlyList<ObjectRef>> creates, List<IReadOnlyList<ObjectRef>> drops, Action<int, int> edge)
    {
        static (ObjectKind, string, string)? Key(ObjectRef o) => o.Kind switch
        {
            ObjectKind.Index => (o.Kind, o.Name.Schema, o.Member!),
            ObjectKind.Function => (o.Kind, o.Name.Schema, o.Name.Name),
            _ => null,
        };

        var created = new Dictionary<(ObjectKind, string, string), List<int>>();
        for (var i = 0; i < changes.Count; i++)
        {
            foreach (var key in creates[i].Select(Key).OfType<(ObjectKind, string, string)>())
            {
                (created.TryGetValue(key, out var list) ? list : created[key] = []).Add(i);
            }
        }

        for (var i = 0; i < changes.Count; i++)
        {
            foreach (var key in drops[i].Select(Key).OfType<(ObjectKind, string, string)>())
            {
                foreach (var j in created.GetValueOrDefault(key, []))
                {
                    // Only a real drop; an alter that replaces a default drops nothing of these kinds.
                    if (changes[j] is CreateFunction or AddIndex)
                    {
                        edge(i, j);
                    }
                }
            }
        }
    }

    private static Dictionary<ObjectRef, List<int>> Index(List<IReadOnlyList<ObjectRef>> objects)
    {
        var index = new Dictionary<ObjectRef, List<int>>();
        for (var i = 0; i < objects.Count; i++)
        {
            foreach (var o in objects[i])
            {
                (index.TryGetValue(o, out var list) ? list : index[o] = []).Add(i);
            }
        }

        return index;
    }
}
