using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP EXTENSION</c>.</summary>
public sealed record DropExtension(Extension Extension) : Change
{
    public override string Kind => "drop_extension";

    public override string Object => Model.Sql.Quote(Extension.Name);

    public override string Describe() => "drop extension " + Object;
}
