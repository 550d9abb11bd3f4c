using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Extensions: created in their schema at their version, moved and updated, dropped.</summary>
internal sealed class ExtensionDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateExtension>(Create, c => ChangeReverse.By(new DropExtension(c.Extension)),
            rank: _ => 200,
            locate: (c, at) => at.Extension(c.Extension.Name)),
        DdlHandler.For<AlterExtension>(Alter, _ => ChangeReverse.None("extension update scripts cannot be undone in general (ALTER EXTENSION has no downgrade path)"),
            rank: _ => 200,
            locate: (c, at) => at.Extension(c.New.Name)),
        DdlHandler.For<DropExtension>(Drop, c => ChangeReverse.By(new CreateExtension(c.Extension)),
            rank: _ => 335,
            locate: (_, _) => null),
    ];

    private static void Create(CreateExtension c, DdlBuilder ddl) =>
        ddl.Emit(new ExtensionSql.Create(c.Extension.Name, c.Extension.Schema, c.Extension.Version));

    private static void Alter(AlterExtension c, DdlBuilder ddl)
    {
        if (c.Old.Schema != c.New.Schema)
        {
            ddl.Emit(new ExtensionSql.SetSchema(c.New.Name, c.New.Schema));
        }

        if (c.Old.Version != c.New.Version)
        {
            ddl.Emit(new ExtensionSql.Update(c.New.Name, c.New.Version));
        }
    }

    private static void Drop(DropExtension c, DdlBuilder ddl) => ddl.Emit(new ExtensionSql.Drop(c.Extension.Name));
}
