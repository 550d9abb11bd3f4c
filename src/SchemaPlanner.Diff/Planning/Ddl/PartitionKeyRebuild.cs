using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// A partition-key change (regular ↔ partitioned, or a different key) has no in-place DDL: the table is built
/// again beside the old one and the rows copied (see <see cref="DdlWriter"/>'s remarks for the steps).
/// </summary>
internal static class PartitionKeyRebuild
{
    public static void Rebuild(AlterTable c, DdlBuilder ddl)
    {
        var (fromModel, toModel) = ddl.Models(c);
        var (old, @new) = (c.Old, c.New);
        var away = AwayName(old.Name);

        // Foreign keys pointing at the old table would keep it alive: drop them. The differ adds them back as their
        // own changes, after the keys and unique indexes of the new table they need (PartsApart);
        // a down script adds them back at its end, where the table it restores has them.
        var incoming = fromModel.Tables
            .Where(t => t.Name != old.Name)
            .SelectMany(t => t.Constraints.Where(k => k.Kind == ConstraintKind.ForeignKey && k.ReferencedTable == old.Name).Select(k => (Table: t.Name, Constraint: k)))
            .ToList();
        foreach (var (table, constraint) in incoming)
        {
            ddl.Emit(new ConstraintSql.Drop(table, constraint.Name, IfExists: true, TableIfExists: true));
        }

        // Serial sequences are owned by the old columns and would be dropped with them.
        var owned = fromModel.Sequences.Where(s => s.OwnedByTable == old.Name).ToList();
        foreach (var sequence in owned)
        {
            ddl.Emit(new SequenceSql.OwnedBy(sequence.Name, null, null));
        }

        // Partitions that stay partitions of the table move with it (their rows stay where they are).
        var partitions = fromModel.Tables
            .Where(t => t.PartitionOf == old.Name && toModel.FindTable(t.Name)?.PartitionOf == @new.Name)
            .Select(t => toModel.FindTable(t.Name)!)
            .ToList();
        ddl.Emit(new TableSql.Rename(old.Name, away.Name));
        foreach (var index in old.Indexes)
        {
            // Undoing, the up's own changes have dropped the indexes they built already.
            ddl.Emit(new IndexSql.Rename(new QualifiedName(old.Name.Schema, index.Name), Sql.ShortName(index.Name + "__old"), IfExists: !c.PartsApart));
        }

        foreach (var partition in partitions)
        {
            ddl.Emit(new TableSql.DetachPartition(away, partition.Name));
            foreach (var statement in Generators.TableDdl.DetachLeftovers(fromModel.FindTable(partition.Name)!, null))
            {
                ddl.Emit(statement);
            }
        }

        TableDefinitions.Create(@new, ddl);

        // New partitions (and theirs) are created here, so the rows have somewhere to go.
        var parents = new HashSet<QualifiedName> { @new.Name };
        bool added;
        do
        {
            added = false;
            foreach (var partition in toModel.Tables.Where(t => t.PartitionOf is { } p && parents.Contains(p) && !parents.Contains(t.Name) && fromModel.FindTable(t.Name) is null))
            {
                // Undoing a rebuild that kept a dropped partition as a table of its own (below): that copy goes,
                // its rows (and the ones written since) come from the table being replaced.
                ddl.Emit(new TableSql.Drop(partition.Name, IfExists: true));
                TableDefinitions.Create(partition, ddl);
                parents.Add(partition.Name);
                added = true;
            }
        }
        while (added);

        var copied = @new.Columns.Where(n => n.Generated is null && old.FindColumn(n.Name) is { Generated: null }).Select(n => n.Name).ToList();
        if (copied.Count > 0)
        {
            var overriding = @new.Columns.Any(n => n.Identity == IdentityKind.Always && old.FindColumn(n.Name) is not null);
            ddl.Emit(new TableSql.CopyRows(@new.Name, away, copied, overriding));
        }

        foreach (var column in @new.Columns.Where(n => n.Identity != IdentityKind.None))
        {
            ddl.Emit(new SequenceSql.AdvancePastColumn(@new.Name, column.Name));
        }

        // Partitions the desired schema drops are the drop's own job (stop using, then drop, a release later): they
        // are detached, rows copied, so that dropping the old table does not take them along. Undoing, the
        // partitions the up created go with the table.
        foreach (var gone in fromModel.Tables.Where(t => c.PartsApart && t.PartitionOf == old.Name && toModel.FindTable(t.Name) is null))
        {
            ddl.Emit(new TableSql.DetachPartition(away, gone.Name));
            foreach (var statement in Generators.TableDdl.DetachLeftovers(gone, null))
            {
                ddl.Emit(statement);
            }
        }

        ddl.Emit(new TableSql.Drop(away));
        foreach (var partition in partitions)
        {
            ddl.Emit(new TableSql.AttachPartition(@new.Name, partition.Name, partition.PartitionBound));
        }

        foreach (var sequence in owned)
        {
            var desired = toModel.Sequences.FirstOrDefault(s => s.Name == sequence.Name);
            if (desired is { OwnedByTable: not null, OwnedByColumn: not null } && desired.OwnedByTable == @new.Name)
            {
                ddl.Emit(new SequenceSql.OwnedBy(desired.Name, desired.OwnedByTable, desired.OwnedByColumn));
            }
        }

        foreach (var comment in toModel.Comments.Where(k => IsCommentOn(k.Target, @new.Name)))
        {
            ddl.Emit(new CommentSql.Set(comment.Target, comment.Text));
        }

        if (c.PartsApart)
        {
            return;
        }

        // Undoing (a down script): the up's own changes that built the table's indexes, foreign keys, triggers and
        // policies have been undone already, so the table restored here gets them back itself, before the
        // foreign keys that need its keys.
        var restored = toModel.FindTable(@new.Name) ?? @new;
        var parts = new List<Change>();
        parts.AddRange(restored.Indexes.Where(i => i.Constraint is null).Select(i => new AddIndex(restored.Name, i)));
        parts.AddRange(restored.Constraints.Where(k => k.Kind == ConstraintKind.ForeignKey).Select(k => new AddConstraint(restored.Name, k)));
        parts.AddRange(restored.Triggers.Select(t => new CreateTrigger(restored.Name, t)));
        parts.AddRange(restored.Policies.Select(p => new CreatePolicy(restored.Name, p)));
        foreach (var part in parts)
        {
            DdlGenerators.For(part).Up(part, ddl);
        }

        // Incoming foreign keys the differ leaves alone (unchanged) are added back; changed ones are its job.
        foreach (var (table, constraint) in incoming)
        {
            var desired = toModel.FindTable(table)?.Constraints.FirstOrDefault(k => k.Name == constraint.Name);
            if (desired is not null && desired == constraint)
            {
                ddl.Emit(AddConstraint(table, desired));
            }
        }
    }

    private static bool IsCommentOn(string target, QualifiedName table) =>
        target == "TABLE " + table.Sql
        || target.StartsWith("COLUMN " + table.Sql + ".", StringComparison.Ordinal)
        || (!target.StartsWith("TABLE ", StringComparison.Ordinal) && !target.StartsWith("COLUMN ", StringComparison.Ordinal)
            && target.EndsWith(" on " + table.Sql, StringComparison.Ordinal));
}
