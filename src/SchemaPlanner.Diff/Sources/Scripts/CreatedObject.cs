namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// One object PostgreSQL reported while the desired DDL ran, with the index of the first statement that made it.
/// <paramref name="Schema"/> and <paramref name="Name"/> are its own (for a comment: the <c>COMMENT ON</c> target
/// in <paramref name="Name"/>); <paramref name="Owner"/> is the table of a column, constraint, index, trigger or
/// policy, or the table of the column owning a sequence. <paramref name="Detail"/> is the relkind of a relation,
/// the contype of a constraint; <paramref name="Columns"/> the columns of a constraint, the column owning a
/// sequence, or the constraint behind an index.
/// </summary>
public sealed record CreatedObject(
    int Statement,
    CreatedObjectKind Kind,
    string Schema,
    string Name,
    Model.QualifiedName? Owner,
    string? Detail,
    IReadOnlyList<string> Columns);
