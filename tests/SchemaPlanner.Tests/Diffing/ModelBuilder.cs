using SchemaPlanner.Model;

namespace SchemaPlanner.Tests.Diffing;

/// <summary>Small hand-built models for differ tests that need no database.</summary>
internal static class ModelBuilder
{
    public static Column Column(string name, string type = "text", bool notNull = false, string? @default = null) =>
        new(name, type, new QualifiedName("pg_catalog", type), null, notNull, @default, @default is null ? null : Volatility.Immutable, IdentityKind.None, null);

    public static Table Table(string name, params Column[] columns) => new(
        new QualifiedName("public", name), TableKind.Regular, false, null, null, null, EquatableArray<QualifiedName>.Empty, false, false,
        columns.ToEquatableArray(), EquatableArray<Model.Index>.Empty, EquatableArray<Constraint>.Empty,
        EquatableArray<Trigger>.Empty, EquatableArray<Policy>.Empty, EquatableArray<string>.Empty);

    public static Constraint ForeignKey(string name, string column, string referencedTable, string referencedColumn = "id") => new(
        name, ConstraintKind.ForeignKey, $"FOREIGN KEY ({column}) REFERENCES public.{referencedTable}({referencedColumn})", new[] { column }.ToEquatableArray(),
        true, false, false, new QualifiedName("public", referencedTable), new[] { referencedColumn }.ToEquatableArray(), "NO ACTION", "NO ACTION");

    public static View View(string name, string dependsOn, params string[] columns) => new(
        new QualifiedName("public", name), ViewKind.View, " SELECT 1;", columns.ToEquatableArray(), EquatableArray<Model.Index>.Empty,
        new[] { new QualifiedName("public", dependsOn) }.ToEquatableArray(), EquatableArray<string>.Empty);

    public static SchemaModel Schema(IEnumerable<Table>? tables = null, IEnumerable<EnumType>? enums = null, IEnumerable<View>? views = null) =>
        (SchemaModel.Empty with
        {
            Tables = (tables ?? []).ToEquatableArray(),
            Enums = (enums ?? []).ToEquatableArray(),
            Views = (views ?? []).ToEquatableArray(),
        }).Normalize();
}
