using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A difference in an object kind SchemaPlanner does not model: reported, never silently dropped.</summary>
public sealed record UnsupportedChange(string ObjectKind, string Name, string Reason) : Change
{
    public override string Kind => "unsupported";

    public override string Object => Name;

    public override string Describe() => "unsupported " + ObjectKind + " " + Name + ": " + Reason;
}
