using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP SCHEMA</c>.</summary>
public sealed record DropSchema(Schema Schema) : Change
{
    public override string Kind => "drop_schema";

    public override string Object => Model.Sql.Quote(Schema.Name);

    public override string Describe() => "drop schema " + Object;
}
