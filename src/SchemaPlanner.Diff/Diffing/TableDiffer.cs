using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>Diffs tables and everything that hangs off them: columns, indexes, constraints, triggers, policies.</summary>
internal static class TableDiffer
{
    /// <summary>
    /// Adds the table changes; returns the relations whose columns change shape (so views over them must be
    /// dropped and re-created around the change).
    /// </summary>
    public static HashSet<QualifiedName> Diff(
        SchemaModel from,
        SchemaModel to,
        Dictionary<QualifiedName, QualifiedName> tableRenames,
        IReadOnlyList<RenameHint> renames,
        List<Change> changes,
        List<RenameSuggestion> suggestions)
    {
        var reshaped = new HashSet<QualifiedName>();
        var matched = new HashSet<QualifiedName>();
        var created = new List<Table>();
        var rebuilt = new HashSet<QualifiedName>();
        foreach (var table in to.Tables)
        {
            var oldName = tableRenames.FirstOrDefault(r => r.Value == table.Name).Key ?? table.Name;
            var old = from.FindTable(oldName);
            if (old is null || (oldName == table.Name && tableRenames.ContainsKey(table.Name)))
            {
                created.Add(table);
                continue;
            }

            matched.Add(old.Name);
            if (old.Name != table.Name)
            {
                changes.Add(new RenameTable(old, table));
                reshaped.Add(old.Name);
            }

            if (DiffTable(old, table, CommonParents(from, old, to, table), renames, changes, suggestions, reshaped))
            {
                rebuilt.Add(table.Name);
            }
        }

        RebuiltTableForeignKeys.AddIncoming(from, to, rebuilt, changes);
        var createdNames = created.Select(t => t.Name).ToHashSet();
        bool CreatedByRebuild(Table table) =>
            table.PartitionOf is { } parent
            && (rebuilt.Contains(parent) || (createdNames.Contains(parent) && to.FindTable(parent) is { } p && CreatedByRebuild(p)));
        foreach (var table in created)
        {
            // New partitions of a rebuilt table are created by the rebuild (the rows are copied into them).
            AddCreateTable(table, changes, includeCreate: !CreatedByRebuild(table));
        }

        var dropped = from.Tables.Where(t => !matched.Contains(t.Name)).ToList();
        foreach (var table in dropped)
        {
            changes.Add(new DropTable(table));
            reshaped.Add(table.Name);
        }

        foreach (var table in dropped)
        {
            var twin = created.FirstOrDefault(c => c.Name.Schema == table.Name.Schema && SameShape(c, table));
            if (twin is not null)
            {
                suggestions.Add(new RenameSuggestion(
                    table.Name.ToString(),
                    twin.Name.ToString(),
                    $"{{ \"rename\": {Json(table.Name.ToString())}, \"to\": {Json(twin.Name.Name)} }}"));
            }
        }

        return reshaped;
    }

    private static void AddCreateTable(Table table, List<Change> changes, bool includeCreate = true)
    {
        if (includeCreate)
        {
            changes.Add(new CreateTable(table));
        }

        foreach (var constraint in table.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey))
        {
            changes.Add(new AddConstraint(table.Name, constraint));
        }

        foreach (var index in table.Indexes.Where(i => i.Constraint is null))
        {
            changes.Add(new AddIndex(table.Name, index));
        }

        foreach (var trigger in table.Triggers)
        {
            changes.Add(new CreateTrigger(table.Name, trigger));
        }

        foreach (var policy in table.Policies)
        {
            changes.Add(new CreatePolicy(table.Name, policy));
        }

        if (!table.Privileges.IsEmpty)
        {
            changes.Add(new ChangePrivileges("TABLE", table.Name.ToString(), EquatableArray<string>.Empty, table.Privileges));
        }
    }

    /// <summary>Adds the changes of one table; returns true when it is rebuilt (its partition key changes).</summary>
    private static bool DiffTable(
        Table old,
        Table table,
        IReadOnlyList<(Table Old, Table New)> parents,
        IReadOnlyList<RenameHint> renames,
        List<Change> changes,
        List<RenameSuggestion> suggestions,
        HashSet<QualifiedName> reshaped)
    {
        var flags = TableChange.None;
        if (old.Unlogged != table.Unlogged)
        {
            flags |= TableChange.Persistence;
        }

        if (old.RowLevelSecurity != table.RowLevelSecurity || old.ForceRowLevelSecurity != table.ForceRowLevelSecurity)
        {
            flags |= TableChange.RowLevelSecurity;
        }

        if (old.Kind != table.Kind || old.PartitionKey != table.PartitionKey)
        {
            flags |= TableChange.PartitionKey;
        }

        if (old.PartitionOf != table.PartitionOf || old.PartitionBound != table.PartitionBound)
        {
            flags |= TableChange.PartitionOf;
        }

        if (old.Inherits != table.Inherits)
        {
            flags |= TableChange.Inheritance;
        }

        if (flags != TableChange.None)
        {
            changes.Add(new AlterTable(old, table, flags));
        }

        if (flags.HasFlag(TableChange.PartitionKey))
        {
            // No in-place change of the partition key: the table is rebuilt from its desired definition, so
            // nothing else is diffed; the views reading it are re-created around the rebuild, and what CREATE
            // TABLE does not cover (foreign keys, indexes, triggers, policies, grants) follows as for a new table.
            reshaped.Add(old.Name);
            AddCreateTable(table, changes, includeCreate: false);
            return true;
        }

        // Columns, with renames from hints (keyed by the old table name).
        var columnRenames = renames
            .Where(r => r.Column is not null && r.Table == old.Name)
            .ToDictionary(r => r.Column!, r => r.To, StringComparer.Ordinal);
        var matchedColumns = new HashSet<string>(StringComparer.Ordinal);
        var addedColumns = new List<Column>();
        foreach (var column in table.Columns)
        {
            var oldColumnName = columnRenames.FirstOrDefault(r => r.Value == column.Name).Key ?? column.Name;
            var oldColumn = old.FindColumn(oldColumnName);
            if (oldColumn is null || (oldColumnName == column.Name && columnRenames.ContainsKey(column.Name)))
            {
                // A column the parent gains reaches its partitions and children through the parent's ADD COLUMN.
                if (oldColumn is null && parents.Any(p => p.New.FindColumn(column.Name) is not null && p.Old.FindColumn(column.Name) is null))
                {
                    continue;
                }

                changes.Add(new AddColumn(table.Name, column));
                addedColumns.Add(column);
                continue;
            }

            matchedColumns.Add(oldColumn.Name);
            if (oldColumn.Name != column.Name)
            {
                changes.Add(new RenameColumn(table.Name, oldColumn, column));
                reshaped.Add(old.Name);
                continue;
            }

            var changed = ColumnComparison.Compare(oldColumn, column);
            var typeChanged = (changed & (ColumnChange.Type | ColumnChange.Collation)) != 0;
            if (typeChanged && parents.Any(p => SameTypeChange(p.Old.FindColumn(column.Name), p.New.FindColumn(column.Name), oldColumn, column)))
            {
                // The parent's ALTER TYPE recurses; the inherited column cannot be altered on its own.
                changed &= ~(ColumnChange.Type | ColumnChange.Collation);
                reshaped.Add(old.Name);
            }

            if (changed != ColumnChange.None)
            {
                changes.Add(new AlterColumn(table.Name, oldColumn, column, changed));
                if ((changed & (ColumnChange.Type | ColumnChange.Collation)) != 0)
                {
                    reshaped.Add(old.Name);
                }
            }
        }

        var droppedColumns = old.Columns.Where(c => !matchedColumns.Contains(c.Name)).ToList();
        foreach (var column in droppedColumns)
        {
            reshaped.Add(old.Name);

            // A column the parent loses goes from its partitions and (inherited) children with it.
            if (parents.Any(p => p.Old.FindColumn(column.Name) is not null && p.New.FindColumn(column.Name) is null))
            {
                continue;
            }

            changes.Add(new DropColumn(table.Name, column));
            var twin = addedColumns.FirstOrDefault(a => a.Type == column.Type);
            if (twin is not null)
            {
                var path = old.Name.Member(column.Name);
                suggestions.Add(new RenameSuggestion(path, table.Name.Member(twin.Name), $"{{ \"rename\": {Json(path)}, \"to\": {Json(twin.Name)} }}"));
            }
        }

        // Constraints by name. Ones that only became valid are validated; others dropped and re-added.
        foreach (var constraint in table.Constraints)
        {
            var previous = old.Constraints.FirstOrDefault(c => c.Name == constraint.Name);
            if (previous is null)
            {
                changes.Add(new AddConstraint(table.Name, constraint));
            }
            else if (!SameConstraint(previous, constraint, old.Name, table.Name))
            {
                changes.Add(new DropConstraint(table.Name, previous));
                changes.Add(new AddConstraint(table.Name, constraint));
            }
            else if (!previous.Validated && constraint.Validated)
            {
                changes.Add(new ValidateConstraint(table.Name, constraint));
            }
        }

        foreach (var constraint in old.Constraints.Where(c => table.Constraints.All(n => n.Name != c.Name)))
        {
            changes.Add(new DropConstraint(table.Name, constraint));
        }

        DiffIndexes(table.Name, old.Indexes, table.Indexes, changes);

        DiffTriggers(old.Name, table.Name, old.Triggers, table.Triggers, changes);

        foreach (var policy in table.Policies)
        {
            var previous = old.Policies.FirstOrDefault(p => p.Name == policy.Name);
            if (previous is null)
            {
                changes.Add(new CreatePolicy(table.Name, policy));
            }
            else if (previous.Command != policy.Command || previous.Permissive != policy.Permissive)
            {
                changes.Add(new DropPolicy(table.Name, previous));
                changes.Add(new CreatePolicy(table.Name, policy));
            }
            else if (previous != policy)
            {
                changes.Add(new AlterPolicy(table.Name, previous, policy));
            }
        }

        foreach (var policy in old.Policies.Where(p => table.Policies.All(n => n.Name != p.Name)))
        {
            changes.Add(new DropPolicy(table.Name, policy));
        }

        if (old.Privileges != table.Privileges)
        {
            changes.Add(new ChangePrivileges("TABLE", table.Name.ToString(), old.Privileges, table.Privileges));
        }

        return false;
    }

    /// <summary>
    /// Parents (partition parent, inheritance parents) the table has on both sides, each as old and new
    /// definition: their column changes reach the table by recursion.
    /// </summary>
    private static List<(Table Old, Table New)> CommonParents(SchemaModel from, Table old, SchemaModel to, Table table)
    {
        static IEnumerable<QualifiedName> Parents(Table t) => t.PartitionOf is { } p ? t.Inherits.Append(p) : t.Inherits;
        var result = new List<(Table Old, Table New)>();
        foreach (var name in Parents(old).Intersect(Parents(table)))
        {
            if (from.FindTable(name) is { } oldParent && to.FindTable(name) is { } newParent)
            {
                result.Add((oldParent, newParent));
            }
        }

        return result;
    }

    private static bool SameTypeChange(Column? parentOld, Column? parentNew, Column old, Column column) =>
        parentOld is not null && parentNew is not null
        && parentOld.Type == old.Type && parentOld.Collation == old.Collation
        && parentNew.Type == column.Type && parentNew.Collation == column.Collation;

    /// <summary>Indexes by name: a changed shape or an invalid live index means drop and re-create.</summary>
    /// <summary>
    /// Triggers of a table or view: created, dropped, or dropped and created when the definition (the relation's old
    /// name aside) or the enabled state changes.
    /// </summary>
    internal static void DiffTriggers(QualifiedName oldName, QualifiedName name, EquatableArray<Trigger> old, EquatableArray<Trigger> @new, List<Change> changes)
    {
        foreach (var trigger in @new)
        {
            var previous = old.FirstOrDefault(t => t.Name == trigger.Name);
            if (previous is null)
            {
                changes.Add(new CreateTrigger(name, trigger));
            }
            else if (previous.Definition.Replace(oldName.Sql, name.Sql, StringComparison.Ordinal) != trigger.Definition || previous.Enabled != trigger.Enabled)
            {
                changes.Add(new DropTrigger(name, previous));
                changes.Add(new CreateTrigger(name, trigger));
            }
        }

        foreach (var trigger in old.Where(t => @new.All(n => n.Name != t.Name)))
        {
            changes.Add(new DropTrigger(name, trigger));
        }
    }

    internal static void DiffIndexes(QualifiedName table, EquatableArray<Model.Index> from, EquatableArray<Model.Index> to, List<Change> changes)
    {
        foreach (var index in to.Where(i => i.Constraint is null))
        {
            var previous = from.FirstOrDefault(i => i.Name == index.Name && i.Constraint is null);
            if (previous is null)
            {
                changes.Add(new AddIndex(table, index));
            }
            else if (previous.Shape != index.Shape || previous.Valid != index.Valid)
            {
                changes.Add(new DropIndex(table, previous));
                changes.Add(new AddIndex(table, index));
            }
        }

        foreach (var index in from.Where(i => i.Constraint is null && !to.Any(n => n.Name == i.Name && n.Constraint is null)))
        {
            changes.Add(new DropIndex(table, index));
        }
    }

    private static bool SameConstraint(Constraint old, Constraint constraint, QualifiedName oldTable, QualifiedName newTable) =>
        old.Kind == constraint.Kind
        && old.Definition.Replace(oldTable.Sql, newTable.Sql, StringComparison.Ordinal) == constraint.Definition
        && old.Deferrable == constraint.Deferrable
        && old.InitiallyDeferred == constraint.InitiallyDeferred;

    private static bool SameShape(Table a, Table b) =>
        a.Columns.Count > 0 && a.Columns.Select(c => (c.Name, c.Type)).SequenceEqual(b.Columns.Select(c => (c.Name, c.Type)));

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
