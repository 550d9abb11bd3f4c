using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE SCHEMA</c>.</summary>
public sealed record CreateSchema(Schema Schema) : Change
{
    public override string Kind => "create_schema";

    public override string Object => Model.Sql.Quote(Schema.Name);

    public override string Describe() => "create schema " + Object;
}
