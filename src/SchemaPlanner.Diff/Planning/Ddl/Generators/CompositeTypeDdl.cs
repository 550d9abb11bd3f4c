using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>
/// Composite types: created, altered in place with one <c>ALTER TYPE</c> per attribute (dropped ones first, then the
/// retyped ones, then the added ones, which land last as the desired type has them), replaced by drop and create
/// when attributes move, dropped.
/// </summary>
internal sealed class CompositeTypeDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateCompositeType>(Create, c => ChangeReverse.By(new DropCompositeType(c.Type)),
            rank: _ => 236,
            locate: (c, at) => at.Type(c.Type.Name)),
        DdlHandler.For<AlterCompositeType>(Alter, Reverse,
            rank: _ => 236,
            locate: (c, at) => at.Type(c.New.Name)),
        DdlHandler.For<ReplaceCompositeType>(Replace, c => ChangeReverse.By(new ReplaceCompositeType(c.New, c.Old)),
            rank: _ => 236,
            locate: (c, at) => at.Type(c.New.Name)),
        DdlHandler.For<DropCompositeType>(Drop, c => ChangeReverse.By(new CreateCompositeType(c.Type)),
            rank: _ => 334,
            locate: (_, _) => null,
            droppedType: c => c.Type.Name),
    ];

    private static void Create(CreateCompositeType c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.Type));

    private static void Alter(AlterCompositeType c, DdlBuilder ddl)
    {
        foreach (var attribute in c.Dropped)
        {
            ddl.Emit(new TypeSql.DropAttribute(c.Old.Name, attribute.Name));
        }

        foreach (var attribute in c.Retyped)
        {
            ddl.Emit(new TypeSql.AlterAttributeType(c.New.Name, attribute.Name, attribute.Type, attribute.Collation));
        }

        foreach (var attribute in c.Added)
        {
            ddl.Emit(new TypeSql.AddAttribute(c.New.Name, attribute.Name, attribute.Type, attribute.Collation));
        }
    }

    /// <summary>
    /// Undone in place when the old attribute order can be reached by appending (an added attribute is dropped again,
    /// a retyped one retyped back); an attribute dropped from the middle would come back last, and re-creating the
    /// type would fail while anything uses it, so then there is no down.
    /// </summary>
    private static ChangeReverse Reverse(AlterCompositeType c) =>
        TypeDiffer.AltersInPlace(c.New, c.Old)
            ? ChangeReverse.By(new AlterCompositeType(c.New, c.Old))
            : ChangeReverse.None("dropped attribute " + string.Join(", ", c.Dropped.Select(a => a.Name)) + " of " + c.Object + " cannot come back in its place (attributes are only appended), and the values it held are gone");

    private static void Replace(ReplaceCompositeType c, DdlBuilder ddl)
    {
        ddl.Emit(new TypeSql.Drop(c.Old.Name));
        ddl.Emit(CreateSql(c.New));
    }

    private static void Drop(DropCompositeType c, DdlBuilder ddl) => ddl.Emit(new TypeSql.Drop(c.Type.Name));

    private static TypeSql.CreateComposite CreateSql(CompositeType type) =>
        new(type.Name, type.Attributes.Select(a => new AttributeDefinition(a.Name, a.Type, a.Collation)).ToList());
}
