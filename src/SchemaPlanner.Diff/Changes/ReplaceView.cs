using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE OR REPLACE VIEW</c>: the new query keeps the old columns and only appends.</summary>
public sealed record ReplaceView(View Old, View New) : Change
{
    public override string Kind => "replace_view";

    public override string Object => New.Name.ToString();

    public override string Describe() => "replace view " + Object + " (columns only appended)";
}
