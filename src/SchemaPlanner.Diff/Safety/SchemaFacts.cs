using SchemaPlanner.Model;

namespace SchemaPlanner.Safety;

/// <summary>Questions rules ask about the current (<c>From</c>) or desired (<c>To</c>) model.</summary>
internal static class SchemaFacts
{
    /// <summary>Indexes of <paramref name="table"/> (including constraint-owned ones) whose keys name the column.</summary>
    public static IReadOnlyList<Model.Index> IndexesOn(SchemaModel model, QualifiedName table, string column)
    {
        // Keys are pg_get_indexdef output: a quoted column name or an expression that mentions it.
        return model.FindTable(table)?.Indexes
            .Where(i => i.Keys.Concat(i.Include).Any(k => Sources.Scripts.SqlIdentifiers.Mentions(k, column)) || (i.Predicate is { } p && Sources.Scripts.SqlIdentifiers.Mentions(p, column)))
            .ToList() ?? [];
    }

    /// <summary>Foreign keys in <paramref name="model"/> that reference <paramref name="column"/> of <paramref name="table"/>.</summary>
    public static IReadOnlyList<(QualifiedName Table, Constraint Constraint)> ReferencingForeignKeys(SchemaModel model, QualifiedName table, string column) =>
        model.Tables
            .SelectMany(t => t.Constraints.Select(c => (t.Name, c)))
            .Where(x => x.c.Kind == ConstraintKind.ForeignKey && x.c.ReferencedTable == table && x.c.ReferencedColumns.Contains(column))
            .ToList();

    /// <summary>Tables with a column of the given type (an enum or domain, or an array of it), and those columns.</summary>
    public static IReadOnlyList<(QualifiedName Table, Column Column)> ColumnsOfType(SchemaModel model, QualifiedName type) =>
        model.Tables
            .SelectMany(t => t.Columns.Select(c => (t.Name, c)))
            .Where(x => x.c.TypeName == type)
            .ToList();

    /// <summary>Whether the column's type is a domain with a CHECK or NOT NULL (PostgreSQL must evaluate them per row).</summary>
    public static bool IsConstrainedDomain(SchemaModel model, QualifiedName type) =>
        model.Domains.FirstOrDefault(d => d.Name == type) is { } domain && (domain.NotNull || !domain.Checks.IsEmpty);

    /// <summary>A validated <c>CHECK (column IS NOT NULL)</c> on the table, which lets PG12+ skip SET NOT NULL's scan.</summary>
    public static bool HasValidNotNullCheck(SchemaModel model, QualifiedName table, string column)
    {
        var expected = Squash("CHECK (" + Sql.Quote(column) + " IS NOT NULL)");
        return model.FindTable(table)?.Constraints.Any(c =>
            c.Kind == ConstraintKind.Check && c.Validated && Squash(c.Definition) == expected) ?? false;
    }

    /// <summary>True when the relation (table, view or materialized view) does not exist yet.</summary>
    public static bool IsNewRelation(ClassificationContext context, QualifiedName name) =>
        context.IsNewTable(name) || (context.From.FindTable(name) is null && context.From.Views.All(v => v.Name != name));

    /// <summary>Lower case, without spaces and parentheses: enough to compare simple constraint definitions.</summary>
    private static string Squash(string definition) =>
        new(definition.Where(c => !char.IsWhiteSpace(c) && c != '(' && c != ')').Select(char.ToLowerInvariant).ToArray());
}
