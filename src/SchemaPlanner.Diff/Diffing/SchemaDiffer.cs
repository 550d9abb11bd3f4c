using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// from-model × to-model × hints → ordered changes. Pure: no SQL, no hazards, no I/O. Renames come only from
/// hints; look-alike drop+add pairs are reported as <see cref="RenameSuggestion"/>s.
/// </summary>
public static class SchemaDiffer
{
    private static readonly EquatableArray<string> DefaultRoutinePrivileges = new[] { "PUBLIC:EXECUTE" }.ToEquatableArray();

    public static DiffResult Diff(SchemaModel from, SchemaModel to, IReadOnlyList<RenameHint>? renames = null)
    {
        renames ??= [];
        var changes = new List<Change>();
        var suggestions = new List<RenameSuggestion>();
        var warnings = new List<string>();

        var tableRenames = renames.Where(r => r.Column is null).ToDictionary(r => r.Table, r => new QualifiedName(r.Table.Schema, r.To));
        var original = from;
        (from, var followers) = RenameFollowers.Find(from, to, tableRenames);
        (from, var columnFollowers) = ColumnRenameFollowers.Find(from, to, renames, tableRenames);

        DiffSchemas(from, to, changes);
        DiffExtensions(from, to, changes);
        DiffKeyed(from.Collations, to.Collations, c => c.Name, changes, c => new CreateCollation(c), c => new DropCollation(c), (o, n) => new ReplaceCollation(o, n));
        DiffEnums(from, to, changes);
        TypeDiffer.Diff(from, to, changes);
        DiffKeyed(from.Domains, to.Domains, d => d.Name, changes, d => new CreateDomain(d), d => new DropDomain(d), (o, n) => new AlterDomain(o, n));
        DiffSequences(from, to, renames, changes);
        DiffFunctions(from, to, changes);

        var recreatedRelations = TableDiffer.Diff(from, to, tableRenames, renames, changes, suggestions);
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is RenameTable rename && followers.TryGetValue(rename.Old.Name, out var follow))
            {
                changes[i] = rename with { Followers = follow.ToEquatableArray() };
            }
            else if (changes[i] is RenameColumn column && columnFollowers.TryGetValue((column.TableName, column.Old.Name), out var carried))
            {
                changes[i] = column with { Followers = carried.ToEquatableArray() };
            }
        }

        AddTablesUsingReplacedTypes(from, changes, recreatedRelations);
        ViewDiffer.Diff(from, to, recreatedRelations, changes);
        DependentRebuilds.Add(from, to, changes);
        DiffComments(from, to, changes);
        DiffUnsupported(from, to, changes, warnings);

        return new DiffResult(ChangeOrder.Sort(changes, original, to), suggestions, warnings);
    }

    /// <summary>
    /// Columns moved to a replaced enum, domain or collation change type in place: views reading their tables
    /// must be re-created around that, as for any other type change.
    /// </summary>
    private static void AddTablesUsingReplacedTypes(SchemaModel from, List<Change> changes, HashSet<QualifiedName> recreated)
    {
        var types = changes.OfType<ReplaceEnum>().Select(r => r.Old.Name)
            .Concat(changes.OfType<AlterDomain>().Where(d => d.Old.BaseType != d.New.BaseType || d.Old.Collation != d.New.Collation).Select(d => d.Old.Name))
            .ToHashSet();
        var collations = changes.OfType<ReplaceCollation>().Select(r => r.Old.Name.Sql).ToHashSet(StringComparer.Ordinal);
        foreach (var table in from.Tables.Where(t => t.Columns.Any(c => types.Contains(c.TypeName) || (c.Collation is not null && collations.Contains(c.Collation)))))
        {
            recreated.Add(table.Name);
        }
    }

    private static void DiffSchemas(SchemaModel from, SchemaModel to, List<Change> changes)
    {
        DiffKeyed(from.Schemas, to.Schemas, s => s.Name, changes, s => new CreateSchema(s), s => new DropSchema(s), (_, _) => null, compare: (o, n) => true);
        foreach (var schema in to.Schemas)
        {
            var old = from.Schemas.FirstOrDefault(s => s.Name == schema.Name);
            var oldPrivileges = old?.Privileges ?? EquatableArray<string>.Empty;
            if (oldPrivileges != schema.Privileges)
            {
                changes.Add(new ChangePrivileges("SCHEMA", Sql.Quote(schema.Name), oldPrivileges, schema.Privileges));
            }
        }
    }

    private static void DiffExtensions(SchemaModel from, SchemaModel to, List<Change> changes) =>
        DiffKeyed(from.Extensions, to.Extensions, e => e.Name, changes, e => new CreateExtension(e), e => new DropExtension(e), (o, n) => new AlterExtension(o, n));

    private static void DiffEnums(SchemaModel from, SchemaModel to, List<Change> changes) =>
        DiffKeyed(from.Enums, to.Enums, e => e.Name, changes, e => new CreateEnum(e), e => new DropEnum(e), (o, n) => null, alter: (o, n) =>
        {
            // Appending or inserting labels keeps existing ones in order: one ADD VALUE per label.
            var kept = n.Values.Where(v => o.Values.Contains(v)).ToList();
            if (o.Values.All(n.Values.Contains) && kept.SequenceEqual(o.Values))
            {
                var result = new List<Change>();
                var current = o;
                for (var i = 0; i < n.Values.Count; i++)
                {
                    var value = n.Values[i];
                    if (current.Values.Contains(value))
                    {
                        continue;
                    }

                    var before = n.Values.Skip(i + 1).FirstOrDefault(current.Values.Contains);
                    var after = before is null ? n.Values.Take(i).LastOrDefault(current.Values.Contains) : null;
                    var next = current with { Values = InsertValue(current.Values, value, before, after) };
                    result.Add(new AddEnumValue(current, next, value, before, after));
                    current = next;
                }

                return result;
            }

            return [new ReplaceEnum(o, n)];
        });

    private static EquatableArray<string> InsertValue(EquatableArray<string> values, string value, string? before, string? after)
    {
        var list = values.ToList();
        if (before is not null)
        {
            list.Insert(list.IndexOf(before), value);
        }
        else if (after is not null)
        {
            list.Insert(list.IndexOf(after) + 1, value);
        }
        else
        {
            list.Add(value);
        }

        return list.ToEquatableArray();
    }

    private static void DiffSequences(SchemaModel from, SchemaModel to, IReadOnlyList<RenameHint> renames, List<Change> changes)
    {
        var fromSequences = from.Sequences.ToDictionary(s => s.Name);
        var toSequences = to.Sequences.Select(s => s.Name).ToHashSet();
        foreach (var sequence in to.Sequences)
        {
            var old = fromSequences.GetValueOrDefault(sequence.Name);
            if (old is null)
            {
                // Ownership needs the column, which may be created later: create unowned, then own.
                var unowned = sequence with { OwnedByTable = null, OwnedByColumn = null, Privileges = EquatableArray<string>.Empty };
                changes.Add(new CreateSequence(unowned));
                if (sequence.OwnedByTable is not null)
                {
                    changes.Add(new AlterSequence(unowned, unowned with { OwnedByTable = sequence.OwnedByTable, OwnedByColumn = sequence.OwnedByColumn }));
                }
            }
            else if (old with { Privileges = sequence.Privileges } != sequence)
            {
                changes.Add(new AlterSequence(old, sequence with { Privileges = old.Privileges }));
            }

            var oldPrivileges = old?.Privileges ?? EquatableArray<string>.Empty;
            if (oldPrivileges != sequence.Privileges)
            {
                changes.Add(new ChangePrivileges("SEQUENCE", sequence.Name.ToString(), oldPrivileges, sequence.Privileges));
            }
        }

        foreach (var sequence in from.Sequences.Where(s => !toSequences.Contains(s.Name)))
        {
            // A serial sequence goes with the column or table that owns it (DROP COLUMN / DROP TABLE drop it).
            if (!GoesWithOwner(sequence, to, renames))
            {
                changes.Add(new DropSequence(sequence));
            }
        }
    }

    private static bool GoesWithOwner(Sequence sequence, SchemaModel to, IReadOnlyList<RenameHint> renames)
    {
        if (sequence.OwnedByTable is not { } owner || sequence.OwnedByColumn is not { } column)
        {
            return false;
        }

        if (renames.Any(r => r.Table == owner && (r.Column is null || r.Column == column)))
        {
            return false;
        }

        return to.FindTable(owner)?.FindColumn(column) is null;
    }

    private static void DiffFunctions(SchemaModel from, SchemaModel to, List<Change> changes)
    {
        var fromFunctions = from.Functions.ToDictionary(f => (f.Name, f.Arguments));
        var toFunctions = to.Functions.Select(f => (f.Name, f.Arguments)).ToHashSet();
        foreach (var function in to.Functions)
        {
            var old = fromFunctions.GetValueOrDefault((function.Name, function.Arguments));
            if (old is null)
            {
                changes.Add(new CreateFunction(function));
            }
            else if (old.Definition != function.Definition)
            {
                if (old.Result == function.Result && old.Kind == function.Kind)
                {
                    changes.Add(new ReplaceFunction(old, function));
                }
                else
                {
                    changes.Add(new DropFunction(old));
                    changes.Add(new CreateFunction(function));
                    old = null;
                }
            }

            AddPrivileges(old, function, changes);
        }

        foreach (var function in from.Functions.Where(f => !toFunctions.Contains((f.Name, f.Arguments))))
        {
            changes.Add(new DropFunction(function));
        }
    }

    /// <summary>The grants a routine needs after it is created or kept (<paramref name="old"/>).</summary>
    internal static void AddPrivileges(Function? old, Function function, List<Change> changes)
    {
        // A new (or re-created) routine starts with the default ACL: EXECUTE for PUBLIC.
        var oldPrivileges = old?.Privileges ?? DefaultRoutinePrivileges;
        if (oldPrivileges != function.Privileges)
        {
            // GRANT … ON FUNCTION covers aggregates (there is no ON AGGREGATE).
            changes.Add(new ChangePrivileges(function.IsAggregate ? "FUNCTION" : function.Kind.ToUpperInvariant(), function.Signature, oldPrivileges, function.Privileges));
        }
    }

    private static void DiffComments(SchemaModel from, SchemaModel to, List<Change> changes)
    {
        var fromComments = from.Comments.ToDictionary(c => c.Target, StringComparer.Ordinal);
        var toComments = to.Comments.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var comment in to.Comments)
        {
            var old = fromComments.GetValueOrDefault(comment.Target);
            if (old?.Text != comment.Text)
            {
                changes.Add(new SetComment(comment.Target, old?.Text, comment.Text));
            }
        }

        foreach (var comment in from.Comments.Where(c => !toComments.Contains(c.Target)))
        {
            changes.Add(new SetComment(comment.Target, comment.Text, null));
        }
    }

    private static void DiffUnsupported(SchemaModel from, SchemaModel to, List<Change> changes, List<string> warnings)
    {
        foreach (var item in to.Unsupported.Where(u => !from.Unsupported.Contains(u)))
        {
            changes.Add(new UnsupportedChange(item.Kind, item.Name, "exists only in the desired schema; SchemaPlanner does not model " + item.Kind + "s, create it by hand"));
        }

        foreach (var item in from.Unsupported.Where(u => !to.Unsupported.Contains(u)))
        {
            changes.Add(new UnsupportedChange(item.Kind, item.Name, "exists only in the current database; SchemaPlanner does not model " + item.Kind + "s, drop it by hand"));
        }

        foreach (var item in to.Unsupported.Where(from.Unsupported.Contains))
        {
            warnings.Add($"{item.Kind} {item.Name} is not modelled and was not compared");
        }
    }

    /// <summary>Generic keyed diff: create, drop, and alter (when <paramref name="compare"/> says they differ).</summary>
    internal static void DiffKeyed<T, TKey>(
        IEnumerable<T> from,
        IEnumerable<T> to,
        Func<T, TKey> key,
        List<Change> changes,
        Func<T, Change> create,
        Func<T, Change> drop,
        Func<T, T, Change?> replace,
        Func<T, T, bool>? compare = null,
        Func<T, T, IEnumerable<Change>>? alter = null)
        where TKey : notnull
    {
        compare ??= (o, n) => EqualityComparer<T>.Default.Equals(o, n);
        var old = from.ToDictionary(key);
        var keys = new HashSet<TKey>();
        foreach (var item in to)
        {
            keys.Add(key(item));
            if (!old.TryGetValue(key(item), out var previous))
            {
                changes.Add(create(item));
            }
            else if (!compare(previous, item))
            {
                if (alter is not null)
                {
                    changes.AddRange(alter(previous, item));
                }
                else if (replace(previous, item) is { } change)
                {
                    changes.Add(change);
                }
            }
        }

        foreach (var item in from.Where(i => !keys.Contains(key(i))))
        {
            changes.Add(drop(item));
        }
    }
}
