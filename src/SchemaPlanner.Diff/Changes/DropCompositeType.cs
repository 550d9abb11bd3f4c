using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP TYPE</c> of a composite type.</summary>
public sealed record DropCompositeType(CompositeType Type) : Change
{
    public override string Kind => "drop_composite_type";

    public override string Object => Type.Name.ToString();

    public override string Describe() => "drop composite type " + Object;
}
