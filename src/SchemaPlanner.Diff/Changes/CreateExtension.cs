using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE EXTENSION</c>.</summary>
public sealed record CreateExtension(Extension Extension) : Change
{
    public override string Kind => "create_extension";

    public override string Object => Model.Sql.Quote(Extension.Name);

    public override string Describe() => "create extension " + Object + " version " + Extension.Version;
}
