using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE TYPE … AS (…)</c>.</summary>
public sealed record CreateCompositeType(CompositeType Type) : Change
{
    public override string Kind => "create_composite_type";

    public override string Object => Type.Name.ToString();

    public override string Describe() => "create composite type " + Object + " (" + string.Join(", ", Type.Attributes.Select(a => a.Name + " " + a.Type)) + ")";
}
