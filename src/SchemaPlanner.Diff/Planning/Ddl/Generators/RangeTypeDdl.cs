using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Range types: created, replaced by drop and create (PostgreSQL cannot alter one), dropped with their multirange.</summary>
internal sealed class RangeTypeDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateRangeType>((c, ddl) => ddl.Emit(CreateSql(c.Type)), c => ChangeReverse.By(new DropRangeType(c.Type))),
        DdlHandler.For<ReplaceRangeType>(Replace, c => ChangeReverse.By(new ReplaceRangeType(c.New, c.Old))),
        DdlHandler.For<DropRangeType>((c, ddl) => ddl.Emit(new TypeSql.Drop(c.Type.Name)), c => ChangeReverse.By(new CreateRangeType(c.Type))),
    ];

    private static void Replace(ReplaceRangeType c, DdlBuilder ddl)
    {
        ddl.Emit(new TypeSql.Drop(c.Old.Name));
        ddl.Emit(CreateSql(c.New));
    }

    private static TypeSql.CreateRange CreateSql(RangeType type) =>
        new(type.Name, type.Subtype, type.SubtypeOpClass, type.Collation, type.Canonical, type.SubtypeDiff, type.MultirangeName);
}
