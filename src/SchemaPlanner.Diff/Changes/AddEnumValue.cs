using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>ALTER TYPE … ADD VALUE</c>: a new label, existing ones unchanged and in order.</summary>
public sealed record AddEnumValue(EnumType Old, EnumType New, string Value, string? Before, string? After) : Change
{
    public override string Kind => "add_enum_value";

    public override string Object => New.Name + "." + Model.Sql.Literal(Value);

    public override string Describe() => "add value " + Model.Sql.Literal(Value) + " to enum " + New.Name + (Before is not null ? " before " + Model.Sql.Literal(Before) : After is not null ? " after " + Model.Sql.Literal(After) : "");
}
