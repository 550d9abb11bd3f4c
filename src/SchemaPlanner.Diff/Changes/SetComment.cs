using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>COMMENT ON</c>: set, changed or removed (<see cref="New"/> null).</summary>
public sealed record SetComment(string Target, string? Old, string? New) : Change
{
    public override string Kind => "set_comment";

    public override string Object => Target;

    public override string Describe() => (New is null ? "remove comment on " : "comment on ") + Target.ToLowerInvariant();
}
