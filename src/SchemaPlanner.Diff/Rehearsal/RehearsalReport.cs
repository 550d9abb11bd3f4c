using SchemaPlanner.Model;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// A rehearsal's figures: the rows it ran on, each step under traffic, and the invariants it checked. Written to
/// the terminal, plan.md ("Rehearsed under traffic") and plan.json.
/// </summary>
public sealed record RehearsalReport(
    string RowsSource,
    IReadOnlyDictionary<QualifiedName, long> Rows,
    IReadOnlyList<StepReport> Steps,
    int Boundaries,
    int ValueChecks,
    int ProbesRejected,
    int ViewChecks,
    int SampleWritesOwnChecksRejected)
{
    public int Statements(AppVersion version) => Steps.Sum(s => (version == AppVersion.Old ? s.Old : s.New).Statements);
}
