using SchemaPlanner.Changes;

namespace SchemaPlanner.Diffing;

/// <summary>The ordered changes, rename suggestions, and warnings (e.g. unsupported objects not compared).</summary>
public sealed record DiffResult(IReadOnlyList<Change> Changes, IReadOnlyList<RenameSuggestion> Suggestions, IReadOnlyList<string> Warnings)
{
    public bool IsEmpty => Changes.Count == 0;
}
