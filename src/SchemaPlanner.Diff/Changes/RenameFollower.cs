using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// An object that follows a rename and is otherwise unchanged, never a drop and re-create: one whose name derives
/// from a renamed table's (<c>posts_pkey</c> → <c>articles_pkey</c>, <c>posts_id_seq</c> → <c>articles_id_seq</c>),
/// or an index or constraint on a renamed column (<c>t_a_idx ON t (a)</c> → <c>t_b_idx ON t (b)</c>, possibly
/// keeping its name). <see cref="Kind"/> is <c>constraint</c>, <c>index</c> or <c>sequence</c>.
/// </summary>
public sealed record RenameFollower(string Kind, QualifiedName Old, QualifiedName New)
{
    /// <summary>The table a constraint belongs to, when it is not the renamed one (a foreign key referencing a renamed column).</summary>
    public QualifiedName? Table { get; init; }

    public override string ToString() => Old.Name == New.Name
        ? $"{Kind} {Sql.Quote(Old.Name)}{(Table is { } t ? " on " + t : "")}"
        : $"{Kind} {Sql.Quote(Old.Name)} -> {Sql.Quote(New.Name)}{(Table is { } t2 ? " on " + t2 : "")}";
}
