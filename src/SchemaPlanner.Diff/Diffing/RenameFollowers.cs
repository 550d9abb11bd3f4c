using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Constraints, indexes and owned sequences whose names derive from a renamed table's name (<c>posts_pkey</c>,
/// <c>posts_title_idx</c>, <c>posts_id_seq</c>) and whose desired counterpart differs only in that name. They are
/// renamed with the table: the current model is read as if they already had their new names, so the diff has no
/// drop/add pairs for them (which would read as an unsafe index drop and primary key build), and the rename
/// carries them as followers.
/// </summary>
internal static class RenameFollowers
{
    public static (SchemaModel From, Dictionary<QualifiedName, List<RenameFollower>> Followers) Find(
        SchemaModel from, SchemaModel to, IReadOnlyDictionary<QualifiedName, QualifiedName> tableRenames)
    {
        var followers = new Dictionary<QualifiedName, List<RenameFollower>>();
        var tables = from.Tables.ToList();
        var sequences = from.Sequences.ToList();
        var changedReferences = false;
        foreach (var (oldName, newName) in tableRenames.OrderBy(r => r.Key))
        {
            var oldIndex = tables.FindIndex(t => t.Name == oldName);
            if (oldIndex < 0 || to.FindTable(newName) is not { } desired || oldName.Schema != newName.Schema)
            {
                continue;
            }

            var old = tables[oldIndex];
            var found = new List<RenameFollower>();
            string? Follow(string name) =>
                name.StartsWith(oldName.Name + "_", StringComparison.Ordinal) ? newName.Name + name[oldName.Name.Length..] : null;
            QualifiedName In(string name) => new(oldName.Schema, name);

            var constraints = old.Constraints.Select(c =>
            {
                if (desired.Constraints.Any(d => d.Name == c.Name) || Follow(c.Name) is not { } follows
                    || desired.Constraints.FirstOrDefault(d => d.Name == follows) is not { } target
                    || old.Constraints.Any(o => o.Name == follows)
                    || target.Kind != c.Kind || target.Deferrable != c.Deferrable || target.InitiallyDeferred != c.InitiallyDeferred
                    || target.Definition != c.Definition.Replace(oldName.Sql, newName.Sql, StringComparison.Ordinal))
                {
                    return c;
                }

                found.Add(new RenameFollower("constraint", In(c.Name), In(follows)));
                return c with { Name = follows };
            }).ToEquatableArray();
            var renamedConstraints = found.ToDictionary(f => f.Old.Name, f => f.New.Name, StringComparer.Ordinal);

            var indexes = old.Indexes.Select(i =>
            {
                if (i.Constraint is not null)
                {
                    // An index that backs a constraint is renamed by RENAME CONSTRAINT.
                    return renamedConstraints.TryGetValue(i.Constraint, out var by) ? i with { Name = i.Name == i.Constraint ? by : i.Name, Constraint = by } : i;
                }

                if (desired.Indexes.Any(d => d.Name == i.Name) || Follow(i.Name) is not { } follows
                    || desired.Indexes.FirstOrDefault(d => d.Name == follows && d.Constraint is null) is not { } target
                    || old.Indexes.Any(o => o.Name == follows) || target.Shape != i.Shape || target.Valid != i.Valid)
                {
                    return i;
                }

                found.Add(new RenameFollower("index", In(i.Name), In(follows)));
                return i with { Name = follows };
            }).ToEquatableArray();

            var columns = old.Columns;
            for (var s = 0; s < sequences.Count; s++)
            {
                var sequence = sequences[s];
                if (sequence.OwnedByTable != oldName || Follow(sequence.Name.Name) is not { } follows
                    || from.Sequences.Any(o => o.Name == In(follows)) || to.Sequences.Any(d => d.Name == sequence.Name)
                    || to.Sequences.FirstOrDefault(d => d.Name == In(follows)) is not { } target
                    || target != sequence with { Name = In(follows), OwnedByTable = newName, Privileges = target.Privileges })
                {
                    continue;
                }

                found.Add(new RenameFollower("sequence", sequence.Name, In(follows)));
                sequences[s] = sequence with { Name = In(follows), OwnedByTable = newName };

                // nextval('posts_id_seq'::regclass) reads the new name once the sequence is renamed.
                var before = new[] { Sql.Quote(sequence.Name.Name), sequence.Name.Sql }.Select(n => Sql.Literal(n) + "::regclass").ToList();
                var after = new[] { Sql.Quote(follows), In(follows).Sql }.Select(n => Sql.Literal(n) + "::regclass").ToList();
                columns = columns.Select(c => c.Default is null ? c : c with
                {
                    Default = c.Default.Replace(before[1], after[1], StringComparison.Ordinal).Replace(before[0], after[0], StringComparison.Ordinal),
                }).ToEquatableArray();
            }

            if (found.Count > 0)
            {
                tables[oldIndex] = old with { Constraints = constraints, Indexes = indexes, Columns = columns };
                followers[oldName] = found;
            }
        }

        // Foreign keys reference the table by OID: after the rename they read the new name, so they are not
        // dropped and re-added (which would read as an unsafe foreign key build).
        foreach (var (oldName, newName) in tableRenames.Where(r => r.Key.Schema == r.Value.Schema && to.FindTable(r.Value) is not null))
        {
            for (var t = 0; t < tables.Count; t++)
            {
                if (tables[t].Constraints.Any(c => c.ReferencedTable == oldName))
                {
                    tables[t] = tables[t] with
                    {
                        Constraints = tables[t].Constraints.Select(c => c.ReferencedTable != oldName ? c : c with
                        {
                            ReferencedTable = newName,
                            Definition = c.Definition.Replace("REFERENCES " + oldName.Sql + "(", "REFERENCES " + newName.Sql + "(", StringComparison.Ordinal),
                        }).ToEquatableArray(),
                    };
                    changedReferences = true;
                }
            }
        }

        return followers.Count == 0 && !changedReferences
            ? (@from, followers)
            : (@from with { Tables = tables.ToEquatableArray(), Sequences = sequences.ToEquatableArray() }, followers);
    }

    /// <summary>The statements renaming the followers, once the table has the name <paramref name="table"/>.</summary>
    public static IEnumerable<ISqlStatement> Renames(QualifiedName table, IEnumerable<RenameFollower> followers) =>
        followers.Where(f => f.Old != f.New).Select(f => f.Kind switch
        {
            "constraint" => new ConstraintSql.Rename(f.Table ?? table, f.Old.Name, f.New.Name),
            "index" => (ISqlStatement)new IndexSql.Rename(f.Old, f.New.Name),
            _ => new SequenceSql.Rename(f.Old, f.New.Name),
        });

    /// <summary>The same, written through <paramref name="sql"/> (a recipe's <c>context.Render</c>).</summary>
    public static IEnumerable<string> Statements(QualifiedName table, IEnumerable<RenameFollower> followers, Func<ISqlStatement, string> sql) =>
        Renames(table, followers).Select(sql);

    /// <summary>The followers of the reverse rename.</summary>
    public static EquatableArray<RenameFollower> Reversed(IEnumerable<RenameFollower> followers) =>
        followers.Reverse().Select(f => f with { Old = f.New, New = f.Old }).ToEquatableArray();
}
