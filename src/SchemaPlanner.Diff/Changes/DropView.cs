using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP [MATERIALIZED] VIEW</c>.</summary>
public sealed record DropView(View View) : Change
{
    public override string Kind => "drop_view";

    public override string Object => View.Name.ToString();

    public override string Describe() => "drop " + (View.Kind == ViewKind.Materialized ? "materialized view " : "view ") + Object;
}
