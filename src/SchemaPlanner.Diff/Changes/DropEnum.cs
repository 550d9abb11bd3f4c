using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP TYPE</c> of an enum.</summary>
public sealed record DropEnum(EnumType Enum) : Change
{
    public override string Kind => "drop_enum";

    public override string Object => Enum.Name.ToString();

    public override string Describe() => "drop enum " + Object;
}
