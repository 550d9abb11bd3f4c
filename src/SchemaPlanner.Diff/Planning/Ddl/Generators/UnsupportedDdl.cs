using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>An object kind SchemaPlanner does not model has no DDL and no reverse: it is reported, never applied.</summary>
internal sealed class UnsupportedDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<UnsupportedChange>(
            (c, _) => throw new NotSupportedException("no DDL for an unsupported change: " + c.Describe()),
            c => ChangeReverse.None("SchemaPlanner cannot undo a " + c.Kind),
            rank: _ => 900,
            locate: (_, _) => null),
    ];
}
