using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>Extension version or schema changed.</summary>
public sealed record AlterExtension(Extension Old, Extension New) : Change
{
    public override string Kind => "alter_extension";

    public override string Object => Model.Sql.Quote(New.Name);

    public override string Describe() => "update extension " + Object + " from " + Old.Version + " to " + New.Version + (Old.Schema != New.Schema ? ", schema " + Old.Schema + " -> " + New.Schema : "");
}
