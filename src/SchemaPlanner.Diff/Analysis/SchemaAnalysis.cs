using SchemaPlanner.Diffing;
using SchemaPlanner.Safety;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Analysis;

/// <summary>The result of comparing two schemas: both sources, the diff and every change's verdict.</summary>
public sealed record SchemaAnalysis(
    LoadedSchema Current,
    LoadedSchema Desired,
    DiffResult Diff,
    ClassificationContext Context,
    IReadOnlyList<ClassifiedChange> Changes)
{
    public bool HasUnsafe => Changes.Any(c => !c.Safe);
}
