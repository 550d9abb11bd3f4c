using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// Everything the pipeline asks of one change type, in one place: its up statements and its reverse (whose
/// statements are its down); its rank, which orders it among changes the dependency graph leaves unordered
/// (<see cref="Diffing.ChangeOrder"/>), refined by <see cref="RankIn"/> where the target model decides; and where
/// in the desired DDL it comes from (<see cref="Analysis.ChangeLocator"/>, null: no statement of its own); and the dependency depth that breaks
/// ties within a rank.
/// </summary>
internal sealed record DdlHandler(
    Type ChangeType,
    Action<Change, DdlBuilder> Up,
    Func<Change, ChangeReverse> Reverse,
    Func<Change, int> Rank,
    Func<Change, DdlLocations, SourceLocation?> Locate)
{
    /// <summary>A rank that depends on the target model (null: <see cref="Rank"/>).</summary>
    public Func<Change, SchemaModel, int?>? RankIn { get; init; }

    /// <summary>
    /// For the drop of a type: the type, whose drop waits until no column uses it (see <see cref="TypeDropPlacement"/>).
    /// </summary>
    public Func<Change, QualifiedName>? DroppedType { get; init; }

    /// <summary>
    /// The dependency depth it sorts by among changes of equal rank (<see cref="Diffing.DependencyDepths"/>; null: 0).
    /// </summary>
    public Func<Change, Diffing.DependencyDepths, int>? Depth { get; init; }

    public static DdlHandler For<TChange>(
        Action<TChange, DdlBuilder> up,
        Func<TChange, ChangeReverse> reverse,
        Func<TChange, int> rank,
        Func<TChange, DdlLocations, SourceLocation?> locate,
        Func<TChange, SchemaModel, int?>? rankIn = null,
        Func<TChange, QualifiedName>? droppedType = null,
        Func<TChange, Diffing.DependencyDepths, int>? depth = null)
        where TChange : Change =>
        new(typeof(TChange), (change, ddl) => up((TChange)change, ddl), change => reverse((TChange)change), change => rank((TChange)change), (change, at) => locate((TChange)change, at))
        {
            RankIn = rankIn is null ? null : (change, to) => rankIn((TChange)change, to),
            DroppedType = droppedType is null ? null : change => droppedType((TChange)change),
            Depth = depth is null ? null : (change, depths) => depth((TChange)change, depths),
        };
}
