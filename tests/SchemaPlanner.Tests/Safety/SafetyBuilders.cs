using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tests.Safety;

/// <summary>Builds model objects, changes and classification contexts by hand for the pure rule tests.</summary>
internal static class SafetyBuilders
{
    public static QualifiedName Name(string name) => new("public", name);

    public static Column Col(
        string name,
        string type = "integer",
        bool notNull = false,
        string? @default = null,
        Volatility? volatility = null,
        IdentityKind identity = IdentityKind.None,
        string? generated = null,
        string? collation = null,
        QualifiedName? typeName = null) =>
        new(
            name,
            type,
            typeName ?? new QualifiedName("pg_catalog", type),
            collation,
            notNull,
            @default,
            @default is null ? null : volatility ?? Volatility.Immutable,
            identity,
            generated);

    public static Table Tbl(string name, params Column[] columns) =>
        new(
            Name(name),
            TableKind.Regular,
            Unlogged: false,
            PartitionKey: null,
            PartitionOf: null,
            PartitionBound: null,
            Inherits: EquatableArray<QualifiedName>.Empty,
            RowLevelSecurity: false,
            ForceRowLevelSecurity: false,
            columns.ToEquatableArray(),
            EquatableArray<Model.Index>.Empty,
            EquatableArray<Constraint>.Empty,
            EquatableArray<Trigger>.Empty,
            EquatableArray<Policy>.Empty,
            EquatableArray<string>.Empty);

    public static Table With(this Table table, params Constraint[] constraints) =>
        table with { Constraints = table.Constraints.Concat(constraints).ToEquatableArray() };

    public static Table With(this Table table, params Model.Index[] indexes) =>
        table with { Indexes = table.Indexes.Concat(indexes).ToEquatableArray() };

    public static Table With(this Table table, params Policy[] policies) =>
        table with { Policies = table.Policies.Concat(policies).ToEquatableArray() };

    public static Model.Index Idx(string name, string table, string column, bool unique = false, string? constraint = null) =>
        new(
            name,
            $"CREATE {(unique ? "UNIQUE " : "")}INDEX {Sql.Quote(name)} ON public.{Sql.Quote(table)} USING btree ({Sql.Quote(column)})",
            "btree",
            new[] { Sql.Quote(column) }.ToEquatableArray(),
            EquatableArray<string>.Empty,
            Predicate: null,
            unique,
            Valid: true,
            constraint);

    public static Constraint PrimaryKey(string name, params string[] columns) =>
        Con(name, ConstraintKind.PrimaryKey, $"PRIMARY KEY ({string.Join(", ", columns)})", columns);

    public static Constraint Unique(string name, params string[] columns) =>
        Con(name, ConstraintKind.Unique, $"UNIQUE ({string.Join(", ", columns)})", columns);

    public static Constraint Check(string name, string definition, bool validated = true) =>
        Con(name, ConstraintKind.Check, definition, [], validated);

    public static Constraint ForeignKey(string name, string column, string referencedTable, string referencedColumn = "id", bool validated = true) =>
        Con(name, ConstraintKind.ForeignKey, $"FOREIGN KEY ({column}) REFERENCES public.{referencedTable}({referencedColumn})", [column], validated, Name(referencedTable), [referencedColumn]);

    public static Constraint Exclusion(string name, string column) =>
        Con(name, ConstraintKind.Exclusion, $"EXCLUDE USING gist ({column} WITH &&)", [column]);

    public static Policy Pol(string name, bool permissive = true) =>
        new(name, "ALL", permissive, new[] { "public" }.ToEquatableArray(), "true", null);

    public static SchemaModel Db(params Table[] tables) => SchemaModel.Empty with { Tables = tables.ToEquatableArray() };

    public static ClassificationContext Context(
        SchemaModel from,
        SchemaModel? to = null,
        IReadOnlyList<Change>? changes = null,
        int version = ClassificationContext.DefaultVersionNumber,
        TableStatistics? statistics = null) =>
        ClassificationContext.Create(from, to ?? from, changes ?? [], version, statistics is null ? [] : [statistics], new PlannerSettings());

    /// <summary>Statistics for a table: <paramref name="rows"/> estimated rows, 8 KB per row.</summary>
    public static TableStatistics Stats(string table, long rows) => new(Name(table), rows, rows * 8192);

    private static Constraint Con(
        string name,
        ConstraintKind kind,
        string definition,
        string[] columns,
        bool validated = true,
        QualifiedName? referenced = null,
        string[]? referencedColumns = null) =>
        new(
            name,
            kind,
            definition,
            columns.ToEquatableArray(),
            validated,
            Deferrable: false,
            InitiallyDeferred: false,
            referenced,
            (referencedColumns ?? []).ToEquatableArray(),
            OnUpdate: kind == ConstraintKind.ForeignKey ? "a" : null,
            OnDelete: kind == ConstraintKind.ForeignKey ? "a" : null);
}
