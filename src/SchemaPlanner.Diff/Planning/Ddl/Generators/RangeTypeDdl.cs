using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Range types: created, replaced by drop and create (PostgreSQL cannot alter one), dropped with their multirange.</summary>
internal sealed class RangeTypeDdl : DdlGenerator
{
    /// <summary>Rank of a range type with support functions: created after functions (260), dropped before them (95).</summary>
    private const int RangeAfterFunctions = 265;

    private const int RangeBeforeFunctions = 90;

    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateRangeType>((c, ddl) => ddl.Emit(CreateSql(c.Type)), c => ChangeReverse.By(new DropRangeType(c.Type)),
            rank: _ => 232,
            locate: (c, at) => at.Type(c.Type.Name),
            rankIn: (c, _) => c.Type.SubtypeDiff is not null || c.Type.Canonical is not null ? RangeAfterFunctions : null),
        DdlHandler.For<ReplaceRangeType>(Replace, c => ChangeReverse.By(new ReplaceRangeType(c.New, c.Old)),
            rank: _ => 232,
            locate: (c, at) => at.Type(c.New.Name),
            rankIn: (c, _) => c.New.SubtypeDiff is not null || c.New.Canonical is not null ? RangeAfterFunctions : null),
        DdlHandler.For<DropRangeType>((c, ddl) => ddl.Emit(new TypeSql.Drop(c.Type.Name)), c => ChangeReverse.By(new CreateRangeType(c.Type)),
            rank: _ => 334,
            locate: (_, _) => null,
            rankIn: (c, _) => c.Type.SubtypeDiff is not null || c.Type.Canonical is not null ? RangeBeforeFunctions : null,
            droppedType: c => c.Type.Name),
    ];

    private static void Replace(ReplaceRangeType c, DdlBuilder ddl)
    {
        ddl.Emit(new TypeSql.Drop(c.Old.Name));
        ddl.Emit(CreateSql(c.New));
    }

    private static TypeSql.CreateRange CreateSql(RangeType type) =>
        new(type.Name, type.Subtype, type.SubtypeOpClass, type.Collation, type.Canonical, type.SubtypeDiff, type.MultirangeName);
}
