using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>How one change type is written: its up statements, and its reverse (whose statements are its down).</summary>
internal sealed record DdlHandler(Type ChangeType, Action<Change, DdlBuilder> Up, Func<Change, ChangeReverse> Reverse)
{
    public static DdlHandler For<TChange>(Action<TChange, DdlBuilder> up, Func<TChange, ChangeReverse> reverse)
        where TChange : Change =>
        new(typeof(TChange), (change, ddl) => up((TChange)change, ddl), change => reverse((TChange)change));
}
