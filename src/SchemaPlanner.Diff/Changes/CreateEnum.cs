using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE TYPE … AS ENUM</c>.</summary>
public sealed record CreateEnum(EnumType Enum) : Change
{
    public override string Kind => "create_enum";

    public override string Object => Enum.Name.ToString();

    public override string Describe() => "create enum " + Object + " (" + string.Join(", ", Enum.Values) + ")";
}
