using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>
/// Tables: created from their definition, renamed (with the objects whose names follow), altered (inheritance,
/// partitions, persistence, row-level security; a partition-key change is a rebuild), dropped.
/// </summary>
internal sealed class TableDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateTable>(Create, c => ChangeReverse.By(new DropTable(c.Definition))),
        DdlHandler.For<RenameTable>(Rename, c => ChangeReverse.By(new RenameTable(c.New, c.Old) { Followers = RenameFollowers.Reversed(c.Followers) })),
        DdlHandler.For<AlterTable>(Alter, c => ChangeReverse.By(new AlterTable(c.New, c.Old, c.Changed))),
        DdlHandler.For<DropTable>(Drop, _ => ChangeReverse.None("the dropped table's rows are lost; restore them from a backup")),
    ];

    private static void Create(CreateTable c, DdlBuilder ddl) => TableDefinitions.Create(c.Definition, ddl);

    private static void Rename(RenameTable c, DdlBuilder ddl)
    {
        var current = c.Old.Name;
        if (current.Schema != c.New.Name.Schema)
        {
            ddl.Emit("ALTER TABLE " + current.Sql + " SET SCHEMA " + Sql.Quote(c.New.Name.Schema));
            current = current with { Schema = c.New.Name.Schema };
        }

        if (current.Name != c.New.Name.Name)
        {
            ddl.Emit("ALTER TABLE " + current.Sql + " RENAME TO " + Sql.Quote(c.New.Name.Name));
        }

        foreach (var statement in RenameFollowers.Statements(c.New.Name, c.Followers))
        {
            ddl.Emit(statement);
        }
    }

    private static void Alter(AlterTable c, DdlBuilder ddl)
    {
        var (old, @new) = (c.Old, c.New);
        var table = AlterTable(@new.Name);
        if (c.Changed.HasFlag(TableChange.PartitionKey))
        {
            PartitionKeyRebuild.Rebuild(c, ddl);
            return;
        }

        if (c.Changed.HasFlag(TableChange.PartitionOf) && old.PartitionOf is not null
            && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
        {
            ddl.Emit(AlterTable(old.PartitionOf) + " DETACH PARTITION " + @new.Name.Sql);
        }

        if (c.Changed.HasFlag(TableChange.Inheritance))
        {
            foreach (var parent in old.Inherits.Where(p => !@new.Inherits.Contains(p)))
            {
                ddl.Emit(table + " NO INHERIT " + parent.Sql);
            }

            foreach (var parent in @new.Inherits.Where(p => !old.Inherits.Contains(p)))
            {
                ddl.Emit(table + " INHERIT " + parent.Sql);
            }
        }

        if (c.Changed.HasFlag(TableChange.Persistence))
        {
            ddl.Emit(table + (@new.Unlogged ? " SET UNLOGGED" : " SET LOGGED"));
        }

        if (c.Changed.HasFlag(TableChange.RowLevelSecurity))
        {
            if (old.RowLevelSecurity != @new.RowLevelSecurity)
            {
                ddl.Emit(table + (@new.RowLevelSecurity ? " ENABLE ROW LEVEL SECURITY" : " DISABLE ROW LEVEL SECURITY"));
            }

            if (old.ForceRowLevelSecurity != @new.ForceRowLevelSecurity)
            {
                ddl.Emit(table + (@new.ForceRowLevelSecurity ? " FORCE ROW LEVEL SECURITY" : " NO FORCE ROW LEVEL SECURITY"));
            }
        }

        if (c.Changed.HasFlag(TableChange.PartitionOf) && @new.PartitionOf is not null
            && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
        {
            ddl.Emit(AlterTable(@new.PartitionOf) + " ATTACH PARTITION " + @new.Name.Sql + " " + (@new.PartitionBound ?? "DEFAULT"));
        }
    }

    private static void Drop(DropTable c, DdlBuilder ddl) => ddl.Emit("DROP TABLE " + c.Definition.Name.Sql);
}
