using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary>A table renamed, as declared by a <c>rename</c> hint.</summary>
public sealed record RenameTable(Model.Table Old, Model.Table New) : Change
{
    public override string Kind => "rename_table";

    public override string Object => Old.Name.ToString();

    public override QualifiedName? Table => New.Name;

    public override string Describe() => "rename table " + Old.Name + " to " + New.Name;
}
