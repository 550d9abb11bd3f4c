using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// An object whose name derives from a renamed table's (<c>posts_pkey</c> → <c>articles_pkey</c>,
/// <c>posts_id_seq</c> → <c>articles_id_seq</c>) and that is otherwise unchanged: renamed with the table, a
/// catalog-only change, never a drop and re-create. <see cref="Kind"/> is <c>constraint</c>, <c>index</c> or
/// <c>sequence</c>.
/// </summary>
public sealed record RenameFollower(string Kind, QualifiedName Old, QualifiedName New)
{
    public override string ToString() => $"{Kind} {Sql.Quote(Old.Name)} -> {Sql.Quote(New.Name)}";
}
