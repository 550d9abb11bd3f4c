namespace SchemaPlanner.Model;

/// <summary>
/// A free-standing or serial-owned sequence (identity sequences belong to their column and are not listed).
/// <paramref name="OwnedBy"/> is the owning column as <c>table.column</c> in display form, or null.
/// </summary>
public sealed record Sequence(
    QualifiedName Name,
    string DataType,
    long Start,
    long Increment,
    long MinValue,
    long MaxValue,
    long Cache,
    bool Cycle,
    QualifiedName? OwnedByTable,
    string? OwnedByColumn,
    EquatableArray<string> Privileges);
