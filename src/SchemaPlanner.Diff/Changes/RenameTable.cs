using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>
/// A table renamed, as declared by a <c>rename</c> hint, with the constraints, indexes and owned sequences whose
/// names follow it (<see cref="Followers"/>): one change, not a drop and re-create of each of them.
/// </summary>
public sealed record RenameTable(Model.Table Old, Model.Table New) : Change
{
    public EquatableArray<RenameFollower> Followers { get; init; } = EquatableArray<RenameFollower>.Empty;

    public override string Kind => "rename_table";

    public override string Object => Old.Name.ToString();

    public override QualifiedName? Table => New.Name;

    public override string Describe() =>
        "rename table " + Old.Name + " to " + New.Name + (Followers.Count == 0 ? "" : " (with " + string.Join(", ", Followers) + ")");
}
