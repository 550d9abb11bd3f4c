namespace SchemaPlanner.Model;

/// <summary>
/// A table constraint. <paramref name="Definition"/> is <c>pg_get_constraintdef</c> (without NOT VALID);
/// foreign keys also carry the referenced table and columns.
/// </summary>
public sealed record Constraint(
    string Name,
    ConstraintKind Kind,
    string Definition,
    EquatableArray<string> Columns,
    bool Validated,
    bool Deferrable,
    bool InitiallyDeferred,
    QualifiedName? ReferencedTable,
    EquatableArray<string> ReferencedColumns,
    string? OnUpdate,
    string? OnDelete);
