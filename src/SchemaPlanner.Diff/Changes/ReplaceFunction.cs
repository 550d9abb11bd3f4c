using SchemaPlanner.Model;

namespace SchemaPlanner.Changes;

/// <summary><c>CREATE OR REPLACE FUNCTION</c> with the same signature and result.</summary>
public sealed record ReplaceFunction(Function Old, Function New) : Change
{
    public override string Kind => "replace_function";

    public override string Object => New.Signature;

    public override string Describe() => "replace " + New.Kind + " " + Object;
}
