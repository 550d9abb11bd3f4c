using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Schemas: <c>CREATE SCHEMA</c> and <c>DROP SCHEMA</c>, each the other's reverse.</summary>
internal sealed class SchemaDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateSchema>(Create, c => ChangeReverse.By(new DropSchema(c.Schema)),
            rank: _ => 195,
            locate: (c, at) => at.Schema(c.Schema.Name)),
        DdlHandler.For<DropSchema>(Drop, c => ChangeReverse.By(new CreateSchema(c.Schema)),
            rank: _ => 336,
            locate: (_, _) => null),
    ];

    private static void Create(CreateSchema c, DdlBuilder ddl) => ddl.Emit(new SchemaSql.Create(c.Schema.Name));

    private static void Drop(DropSchema c, DdlBuilder ddl) => ddl.Emit(new SchemaSql.Drop(c.Schema.Name));
}
