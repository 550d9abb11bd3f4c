using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>DROP FUNCTION</c> / <c>DROP PROCEDURE</c>.</summary>
public sealed record DropFunction(Function Function) : Change
{
    public override string Kind => "drop_function";

    public override string Object => Function.Signature;

    public override string Describe() => "drop " + Function.Kind + " " + Object;
}
