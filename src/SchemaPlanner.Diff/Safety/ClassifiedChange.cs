using SchemaPlanner.Changes;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Safety;

/// <summary>A change with its verdict: the hazards found and where in the desired DDL it comes from.</summary>
public sealed record ClassifiedChange(Change Change, IReadOnlyList<Hazard> Hazards, SourceLocation? Location)
{
    /// <summary>Safe when no hazard blocks (warnings and allowed hazards do not).</summary>
    public bool Safe => Hazards.All(h => !h.Blocks);
}
