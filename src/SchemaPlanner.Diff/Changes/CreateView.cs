using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE [MATERIALIZED] VIEW</c>.</summary>
public sealed record CreateView(View View) : Change
{
    public override string Kind => "create_view";

    public override string Object => View.Name.ToString();

    public override string Describe() => "create " + (View.Kind == ViewKind.Materialized ? "materialized view " : "view ") + Object;
}
