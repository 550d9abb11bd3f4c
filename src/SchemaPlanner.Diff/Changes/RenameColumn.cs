using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// A column renamed, as declared by a <c>rename</c> hint; its type may change at the same time. The indexes and
/// constraints on it that only follow the new name (<see cref="Followers"/>) are part of the change, not drops and
/// adds of their own.
/// </summary>
public sealed record RenameColumn(QualifiedName TableName, Column Old, Column New) : Change
{
    public EquatableArray<RenameFollower> Followers { get; init; } = EquatableArray<RenameFollower>.Empty;

    public override string Kind => "rename_column";

    public override string Object => TableName.Member(Old.Name);

    public override QualifiedName? Table => TableName;

    public override string Describe() => "rename column " + Object + " to " + Model.Sql.Quote(New.Name) + (Old.Type != New.Type ? " (type " + Old.Type + " -> " + New.Type + ")" : "")
        + (Followers.Count == 0 ? "" : " (with " + string.Join(", ", Followers) + ")");
}
