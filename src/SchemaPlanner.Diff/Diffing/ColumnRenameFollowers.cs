using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Indexes and constraints on a renamed column (its own table's, and other tables' foreign keys referencing it)
/// whose desired counterpart is the same object reading the new column name: <c>t_a_idx ON t (a)</c> →
/// <c>t_b_idx ON t (b)</c>, <c>CHECK (a &gt; 0)</c> → <c>CHECK (b &gt; 0)</c>, under the old name or a new one. In
/// place, <c>RENAME COLUMN</c> carries them (PostgreSQL stores column numbers, not names), so they are not a drop
/// and an add: the current model is read as if they already had their desired form, and the rename carries them
/// as followers. The rename recipe, which moves the values to a new column, rebuilds them there.
/// </summary>
internal static class ColumnRenameFollowers
{
    public static (SchemaModel From, Dictionary<(QualifiedName Table, string Column), List<RenameFollower>> Followers) Find(
        SchemaModel from, SchemaModel to, IReadOnlyList<RenameHint> renames, IReadOnlyDictionary<QualifiedName, QualifiedName> tableRenames)
    {
        var followers = new Dictionary<(QualifiedName, string), List<RenameFollower>>();
        var tables = from.Tables.ToList();
        foreach (var hint in renames.Where(r => r.Column is not null))
        {
            var oldIndex = tables.FindIndex(t => t.Name == hint.Table);
            var newName = tableRenames.TryGetValue(hint.Table, out var renamedTo) ? renamedTo : hint.Table;
            if (oldIndex < 0 || to.FindTable(newName) is not { } desired
                || tables[oldIndex].FindColumn(hint.Column!) is null || desired.FindColumn(hint.To) is null)
            {
                continue;
            }

            var found = new List<RenameFollower>();
            var (column, renamed) = (hint.Column!, hint.To);
            var old = tables[oldIndex];
            string Own(string definition) => SqlIdentifiers.Rename(definition, column, renamed);
            bool SelfReference(Constraint c) => c.ReferencedTable == hint.Table || c.ReferencedTable == newName;

            // The table's own constraints; a foreign key's referenced columns change only when it references the table itself.
            var constraints = old.Constraints.ToList();
            var indexes = old.Indexes.ToList();
            for (var k = 0; k < constraints.Count; k++)
            {
                var current = constraints[k];
                var expected = current.Kind == ConstraintKind.ForeignKey
                    ? ForeignKey(current.Definition, Own, SelfReference(current) ? Own : s => s)
                    : Own(current.Definition);
                if (expected == current.Definition || Counterpart(current, expected, old.Constraints, desired.Constraints) is not { } target)
                {
                    continue;
                }

                constraints[k] = target with { Validated = current.Validated };
                found.Add(new RenameFollower("constraint", In(newName, current.Name), In(newName, target.Name)));
                var backing = indexes.FindIndex(i => i.Constraint == current.Name);
                if (backing >= 0 && desired.Indexes.FirstOrDefault(i => i.Constraint == target.Name) is { } index)
                {
                    indexes[backing] = index with { Valid = indexes[backing].Valid };
                }
            }

            var relationNames = from.Tables.Where(t => t.Name.Schema == old.Name.Schema).SelectMany(t => t.Indexes).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < indexes.Count; i++)
            {
                var current = indexes[i];
                if (current.Constraint is not null || Own(current.Shape) is var shape && shape == current.Shape)
                {
                    continue;
                }

                var candidates = desired.Indexes
                    .Where(d => d.Constraint is null && d.Shape == shape && (d.Name == current.Name || !relationNames.Contains(d.Name)))
                    .Where(d => !indexes.Any(o => o.Name == d.Name && !ReferenceEquals(o, current)))
                    .ToList();
                if (candidates.Count == 1)
                {
                    indexes[i] = candidates[0] with { Valid = current.Valid };
                    found.Add(new RenameFollower("index", In(newName, current.Name), In(newName, candidates[0].Name)));
                }
            }

            tables[oldIndex] = old with { Constraints = constraints.ToEquatableArray(), Indexes = indexes.ToEquatableArray() };

            // Other tables' foreign keys referencing the column.
            for (var t = 0; t < tables.Count; t++)
            {
                var child = tables[t];
                var childName = tableRenames.TryGetValue(child.Name, out var childRenamed) ? childRenamed : child.Name;
                if (t == oldIndex || to.FindTable(childName) is not { } desiredChild)
                {
                    continue;
                }

                var childConstraints = child.Constraints.ToList();
                for (var k = 0; k < childConstraints.Count; k++)
                {
                    var current = childConstraints[k];
                    if (current.Kind != ConstraintKind.ForeignKey || !SelfReference(current) || !current.ReferencedColumns.Contains(column))
                    {
                        continue;
                    }

                    var expected = ForeignKey(current.Definition, s => s, Own);
                    if (Counterpart(current, expected, child.Constraints, desiredChild.Constraints) is { } target)
                    {
                        childConstraints[k] = target with { Validated = current.Validated };
                        found.Add(new RenameFollower("constraint", In(childName, current.Name), In(childName, target.Name)) { Table = childName });
                    }
                }

                tables[t] = child with { Constraints = childConstraints.ToEquatableArray() };
            }

            if (found.Count > 0)
            {
                followers[(newName, column)] = found;
            }
        }

        return followers.Count == 0 ? (@from, followers) : (@from with { Tables = tables.ToEquatableArray() }, followers);
    }

    private static QualifiedName In(QualifiedName table, string name) => new(table.Schema, name);

    /// <summary>A foreign key definition with its own columns and its referenced columns rewritten separately.</summary>
    private static string ForeignKey(string definition, Func<string, string> own, Func<string, string> referenced)
    {
        var at = definition.IndexOf(" REFERENCES ", StringComparison.Ordinal);
        return at < 0 ? own(definition) : own(definition[..at]) + referenced(definition[at..]);
    }

    /// <summary>The one desired constraint that is <paramref name="current"/> reading the new name, under its name or a free one.</summary>
    private static Constraint? Counterpart(Constraint current, string expected, IEnumerable<Constraint> olds, IEnumerable<Constraint> desired)
    {
        var taken = olds.Where(o => o.Name != current.Name).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var candidates = desired
            .Where(d => d.Kind == current.Kind && d.Definition == expected && d.Deferrable == current.Deferrable
                && d.InitiallyDeferred == current.InitiallyDeferred && !taken.Contains(d.Name))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(c => c.Name == current.Name);
    }
}
