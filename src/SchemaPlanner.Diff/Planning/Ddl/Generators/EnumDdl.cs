using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Enum types: created, a value added, replaced (labels removed, renamed or reordered), dropped.</summary>
internal sealed class EnumDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateEnum>(Create, c => ChangeReverse.By(new DropEnum(c.Enum))),
        DdlHandler.For<AddEnumValue>(AddValue, _ => ChangeReverse.None("PostgreSQL cannot remove a value from an enum; the added value stays (it is harmless while unused)")),
        DdlHandler.For<ReplaceEnum>(Replace, c => ChangeReverse.By(new ReplaceEnum(c.New, c.Old))),
        DdlHandler.For<DropEnum>(Drop, c => ChangeReverse.By(new CreateEnum(c.Enum))),
    ];

    private static void Create(CreateEnum c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.Enum));

    private static void AddValue(AddEnumValue c, DdlBuilder ddl) =>
        ddl.Emit("ALTER TYPE " + c.New.Name.Sql + " ADD VALUE IF NOT EXISTS " + Sql.Literal(c.Value)
            + (c.Before is not null ? " BEFORE " + Sql.Literal(c.Before) : c.After is not null ? " AFTER " + Sql.Literal(c.After) : ""));

    /// <summary>
    /// Labels removed, renamed or reordered: the type is replaced and the columns moved to it through text. A
    /// value with no label in the new type makes the move fail: that is the data decision the plain DDL cannot make.
    /// </summary>
    private static void Replace(ReplaceEnum c, DdlBuilder ddl)
    {
        var models = ddl.Models(c);
        TypeReplacement.Replace(c.Old.Name, CreateSql(c.New), "DROP TYPE ", ddl, models.From, models.To);
    }

    private static void Drop(DropEnum c, DdlBuilder ddl) => ddl.Emit("DROP TYPE " + c.Enum.Name.Sql);

    private static string CreateSql(EnumType type) =>
        "CREATE TYPE " + type.Name.Sql + " AS ENUM (" + string.Join(", ", type.Values.Select(Sql.Literal)) + ")";
}
