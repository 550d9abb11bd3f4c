using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>
/// Tables: created from their definition, renamed (with the objects whose names follow), altered (inheritance,
/// partitions, persistence, row-level security; a partition-key change is a rebuild), dropped.
/// </summary>
internal sealed class TableDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateTable>(Create, c => ChangeReverse.By(new DropTable(c.Definition)),
            rank: _ => 280,
            locate: (c, at) => at.Table(c.Definition.Name),
            depth: (c, d) => d.Created(c.Definition.Name)),
        DdlHandler.For<RenameTable>(Rename, c => ChangeReverse.By(new RenameTable(c.New, c.Old) { Followers = RenameFollowers.Reversed(c.Followers) }),
            rank: _ => 270,
            locate: (c, at) => at.Table(c.New.Name)),
        DdlHandler.For<AlterTable>(Alter, c => ChangeReverse.By(new AlterTable(c.New, c.Old, c.Changed)),
            rank: _ => 290,
            locate: (c, at) => at.Table(c.New.Name),
            depth: (c, d) => Detaches(c) ? d.Detached(c.Old.Name) : d.Created(c.New.Name)),
        DdlHandler.For<DropTable>(Drop, _ => ChangeReverse.None("the dropped table's rows are lost; restore them from a backup"),
            rank: _ => 70,
            locate: (_, _) => null,
            depth: (c, d) => d.Dropped(c.Definition.Name)),
    ];

    /// <summary>Leaves a partition parent or an inheritance parent: sorted first, before parents are rebuilt.</summary>
    private static bool Detaches(AlterTable t) =>
        (t.Changed.HasFlag(TableChange.PartitionOf) && t.Old.PartitionOf is not null)
        || (t.Changed.HasFlag(TableChange.Inheritance) && t.Old.Inherits.Any(p => !t.New.Inherits.Contains(p)));

    private static void Create(CreateTable c, DdlBuilder ddl) => TableDefinitions.Create(c.Definition, ddl);

    private static void Rename(RenameTable c, DdlBuilder ddl)
    {
        var current = c.Old.Name;
        if (current.Schema != c.New.Name.Schema)
        {
            ddl.Emit(new TableSql.SetSchema(current, c.New.Name.Schema));
            current = current with { Schema = c.New.Name.Schema };
        }

        if (current.Name != c.New.Name.Name)
        {
            ddl.Emit(new TableSql.Rename(current, c.New.Name.Name));
        }

        foreach (var statement in RenameFollowers.Renames(c.New.Name, c.Followers))
        {
            ddl.Emit(statement);
        }
    }

    /// <summary>
    /// What <c>DETACH PARTITION</c> leaves on the detached table as its own, copied from the parent (a partition's
    /// copies are not in the model, so no other change drops them): foreign keys (one pointing at a table that is
    /// rebuilt keeps the old one alive), keys and indexes (whose names the schema may want for others). Kept: what
    /// <paramref name="before"/> had of its own, and the keys <paramref name="desired"/> has (the running app's
    /// ON CONFLICT may need them).
    /// </summary>
    internal static IEnumerable<ISqlStatement> DetachLeftovers(Model.Table before, Model.Table? desired)
    {
        yield return new TableSql.DropDetachLeftoverConstraints(before.Name, "f", Names(before, ConstraintKind.ForeignKey, null));
        foreach (var (kind, contype) in new[] { (ConstraintKind.Exclusion, "x"), (ConstraintKind.Unique, "u"), (ConstraintKind.PrimaryKey, "p") })
        {
            yield return new TableSql.DropDetachLeftoverConstraints(before.Name, contype, Names(before, kind, desired));
        }

        yield return new TableSql.DropDetachLeftoverIndexes(before.Name, before.Indexes.Select(i => i.Name).ToList());
    }

    private static List<string> Names(Model.Table before, ConstraintKind kind, Model.Table? desired) =>
        before.Constraints.Concat(desired?.Constraints ?? []).Where(k => k.Kind == kind).Select(k => k.Name).Distinct().ToList();

    private static void Alter(AlterTable c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        var table = @new.Name;
        if (c.Changed.HasFlag(TableChange.PartitionKey))
        {
            PartitionKeyRebuild.Rebuild(c, ddl);
            return;
        }

        if (c.Changed.HasFlag(TableChange.PartitionOf) && old.PartitionOf is not null
            && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
        {
            ddl.Emit(new TableSql.DetachPartition(old.PartitionOf, @new.Name));
            foreach (var statement in DetachLeftovers(old, @new.PartitionOf is null ? @new : null))
            {
                ddl.Emit(statement);
            }
        }

        if (c.Changed.HasFlag(TableChange.Inheritance))
        {
            foreach (var parent in old.Inherits.Where(p => !@new.Inherits.Contains(p)))
            {
                ddl.Emit(new TableSql.NoInherit(table, parent));
            }

            foreach (var parent in @new.Inherits.Where(p => !old.Inherits.Contains(p)))
            {
                ddl.Emit(new TableSql.Inherit(table, parent));
            }
        }

        if (c.Changed.HasFlag(TableChange.Persistence))
        {
            ddl.Emit(new TableSql.SetPersistence(table, @new.Unlogged));
        }

        if (c.Changed.HasFlag(TableChange.RowLevelSecurity))
        {
            if (old.RowLevelSecurity != @new.RowLevelSecurity)
            {
                ddl.Emit(new TableSql.RowLevelSecurity(table, @new.RowLevelSecurity));
            }

            if (old.ForceRowLevelSecurity != @new.ForceRowLevelSecurity)
            {
                ddl.Emit(new TableSql.ForceRowLevelSecurity(table, @new.ForceRowLevelSecurity));
            }
        }

        if (c.Changed.HasFlag(TableChange.PartitionOf) && @new.PartitionOf is not null
            && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
        {
            ddl.Emit(new TableSql.AttachPartition(@new.PartitionOf, @new.Name, @new.PartitionBound));
        }
    }

    /// <summary>
    /// DROP TABLE. A foreign key referencing the table from another table the plan drops as well (two tables whose
    /// keys reference each other, dropped one after the other) would refuse it with 2BP01: it is dropped first.
    /// </summary>
    private static void Drop(DropTable c, DdlBuilder ddl)
    {
        var table = c.Definition.Name;
        foreach (var other in ddl.From?.Tables.Where(t => t.Name != table && ddl.To?.FindTable(t.Name) is null) ?? [])
        {
            foreach (var key in other.Constraints.Where(k => k.Kind == ConstraintKind.ForeignKey && k.ReferencedTable == table))
            {
                // Skipped when the other table is gone already (dropped first).
                ddl.Emit(new GuardSql.UnlessDone(
                    ddl.Render(new GuardSql.TableExists(other.Name, Negated: true)), [ddl.Render(new ConstraintSql.Drop(other.Name, key.Name, IfExists: true))]));
            }
        }

        ddl.Emit(new TableSql.Drop(table));
    }
}
