using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Enum types: created, a value added, replaced (labels removed, renamed or reordered), dropped.</summary>
internal sealed class EnumDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateEnum>(Create, c => ChangeReverse.By(new DropEnum(c.Enum)),
            rank: _ => 230,
            locate: (c, at) => at.Type(c.Enum.Name)),
        DdlHandler.For<AddEnumValue>(AddValue, _ => ChangeReverse.None("PostgreSQL cannot remove a value from an enum; the added value stays (it is harmless while unused)"),
            rank: _ => 230,
            locate: (c, at) => at.Type(c.New.Name)),
        DdlHandler.For<ReplaceEnum>(Replace, c => ChangeReverse.By(new ReplaceEnum(c.New, c.Old)),
            rank: _ => 230,
            locate: (c, at) => at.Type(c.New.Name)),
        DdlHandler.For<DropEnum>(Drop, c => ChangeReverse.By(new CreateEnum(c.Enum)),
            rank: _ => 334,
            locate: (_, _) => null,
            droppedType: c => c.Enum.Name),
    ];

    private static void Create(CreateEnum c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.Enum));

    private static void AddValue(AddEnumValue c, DdlBuilder ddl) =>
        ddl.Emit(new TypeSql.AddValue(c.New.Name, c.Value, c.Before, c.After));

    /// <summary>
    /// Labels removed, renamed or reordered: the type is replaced and the columns moved to it through text. A
    /// value with no label in the new type makes the move fail: that is the data decision the plain DDL cannot make.
    /// </summary>
    private static void Replace(ReplaceEnum c, DdlBuilder ddl)
    {
        var models = ddl.Models(c);
        TypeReplacement.Replace(c.Old.Name, CreateSql(c.New), isDomain: false, ddl, models.From, models.To);
    }

    private static void Drop(DropEnum c, DdlBuilder ddl) => ddl.Emit(new TypeSql.Drop(c.Enum.Name));

    private static TypeSql.CreateEnum CreateSql(EnumType type) => new(type.Name, type.Values);
}
