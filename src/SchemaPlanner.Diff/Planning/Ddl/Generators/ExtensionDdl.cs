using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Extensions: created in their schema at their version, moved and updated, dropped.</summary>
internal sealed class ExtensionDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateExtension>(Create, c => ChangeReverse.By(new DropExtension(c.Extension))),
        DdlHandler.For<AlterExtension>(Alter, _ => ChangeReverse.None("extension update scripts cannot be undone in general (ALTER EXTENSION has no downgrade path)")),
        DdlHandler.For<DropExtension>(Drop, c => ChangeReverse.By(new CreateExtension(c.Extension))),
    ];

    private static void Create(CreateExtension c, DdlBuilder ddl) =>
        ddl.Emit("CREATE EXTENSION " + Sql.Quote(c.Extension.Name) + " WITH SCHEMA " + Sql.Quote(c.Extension.Schema)
            + " VERSION " + Sql.Literal(c.Extension.Version));

    private static void Alter(AlterExtension c, DdlBuilder ddl)
    {
        if (c.Old.Schema != c.New.Schema)
        {
            ddl.Emit("ALTER EXTENSION " + Sql.Quote(c.New.Name) + " SET SCHEMA " + Sql.Quote(c.New.Schema));
        }

        if (c.Old.Version != c.New.Version)
        {
            ddl.Emit("ALTER EXTENSION " + Sql.Quote(c.New.Name) + " UPDATE TO " + Sql.Literal(c.New.Version));
        }
    }

    private static void Drop(DropExtension c, DdlBuilder ddl) => ddl.Emit("DROP EXTENSION " + Sql.Quote(c.Extension.Name));
}
