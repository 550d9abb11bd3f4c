using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>The foreign keys that point at a table rebuilt into or out of partitioning (<see cref="TableDiffer"/>).</summary>
internal static class RebuiltTableForeignKeys
{
    /// <summary>
    /// A rebuilt table's replacement is created without what references it: the foreign keys of other tables that
    /// point at it (and stay as they are) are added back as their own changes, which the dependency graph orders
    /// after the new table's keys and unique indexes they need (the rebuilt tables' own foreign keys already are).
    /// </summary>
    public static void AddIncoming(SchemaModel from, SchemaModel to, HashSet<QualifiedName> rebuilt, List<Change> changes)
    {
        if (rebuilt.Count == 0)
        {
            return;
        }

        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is AlterTable alter && alter.Changed.HasFlag(TableChange.PartitionKey))
            {
                changes[i] = alter with { PartsApart = true };
            }
        }

        foreach (var table in from.Tables.Where(t => !rebuilt.Contains(t.Name)))
        {
            foreach (var constraint in table.Constraints.Where(k => k.Kind == ConstraintKind.ForeignKey && k.ReferencedTable is { } r && rebuilt.Contains(r)))
            {
                var desired = to.FindTable(table.Name)?.Constraints.FirstOrDefault(k => k.Name == constraint.Name);
                if (desired is not null && desired == constraint)
                {
                    changes.Add(new AddConstraint(table.Name, desired));
                }
            }
        }
    }
}
