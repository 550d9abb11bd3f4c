using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Comments on any object: <c>COMMENT ON … IS</c>, <c>NULL</c> to remove one; the reverse sets the old text.</summary>
internal sealed class CommentDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<SetComment>(Set, c => ChangeReverse.By(new SetComment(c.Target, c.New, c.Old)),
            rank: c => c.New is null ? 5 : 400,
            locate: (c, at) => at.Comment(c.Target)),
    ];

    private static void Set(SetComment c, DdlBuilder ddl) =>
        ddl.Emit(new CommentSql.Set(c.Target, c.New));
}
