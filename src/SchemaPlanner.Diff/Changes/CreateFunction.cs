using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE FUNCTION</c> / <c>CREATE PROCEDURE</c>.</summary>
public sealed record CreateFunction(Function Function) : Change
{
    public override string Kind => "create_function";

    public override string Object => Function.Signature;

    public override string Describe() => "create " + Function.Kind + " " + Object;
}
