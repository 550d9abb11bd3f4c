using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE TYPE … AS RANGE (…)</c>.</summary>
public sealed record CreateRangeType(RangeType Type) : Change
{
    public override string Kind => "create_range_type";

    public override string Object => Type.Name.ToString();

    public override string Describe() => "create range type " + Object + " over " + Type.Subtype;
}
