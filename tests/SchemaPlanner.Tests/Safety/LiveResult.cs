using SchemaPlanner.Model;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tests.Safety;

/// <summary>What <see cref="LiveDiff"/> returns: the old database as read, and the classified changes.</summary>
internal sealed record LiveResult(DatabaseSchema From, IReadOnlyList<ClassifiedChange> Changes)
{
    public IEnumerable<Hazard> Hazards => Changes.SelectMany(c => c.Hazards);

    public IEnumerable<Hazard> Of(string rule) => Hazards.Where(h => h.Rule == rule);

    public override string ToString() =>
        string.Join("\n", Changes.Select(c => c.Change.Describe() + ": " + string.Join("; ", c.Hazards.Select(h => $"{h.Rule} {h.Severity} {h.Message}"))));
}
