using SchemaPlanner.Planning;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Templates;

/// <summary>What <c>plan.md.sbn</c> and <c>offline.md.sbn</c> see; <c>app.md.sbn</c> sees one <see cref="ReleaseView"/>.</summary>
internal sealed record PlanView(
    int ChangeCount,
    int UnsafeCount,
    string From,
    string To,
    IReadOnlyList<PlanView.ChangeRow> Changes,
    IReadOnlyList<PlanView.ReleaseView> Releases,
    IReadOnlyList<PlanView.OfflineRow> Offline,
    PlanView.SettingsView Settings)
{
    public bool HasOffline => Offline.Count > 0;

    public int ReleaseCount => Releases.Count;

    public static PlanView Create(MigrationPlan plan, IReadOnlyList<RenderedStep> steps) => new(
        plan.Changes.Count,
        plan.Changes.Count(c => !c.Safe),
        plan.FromFingerprint,
        plan.ToFingerprint,
        plan.Changes.Select((c, i) => new ChangeRow(
            c.Change.Describe(),
            c.Safe ? (c.Hazards.Count == 0 ? "safe" : "safe (with warnings)") : "UNSAFE",
            string.Join("; ", c.Hazards.Select(h => $"{h.Rule} {h.Kind}: {h.Message}" + (h.Allowed ? $" (allowed: {h.AllowedBecause})" : ""))),
            plan.ChangeRecipes[i],
            c.Location is { } l ? $"{l.File.Replace('\\', '/')}:{l.Line}" : "")).ToList(),
        plan.Releases.Select(r => new ReleaseView(
            r.Number,
            r.AppInstructions,
            r.AppInstructions.Count > 0,
            Enum.GetValues<Phase>()
                .Select(p => new PhaseView(
                    PhaseNames.Of(p),
                    steps.Where(s => s.Step.Release == r.Number && s.Step.Phase == p)
                        .Select(s => new StepRow(s.UpPath, s.DownPath, s.Step.Title, s.Step.Transactional, s.Step.Down is not null, s.Step.Irreversible))
                        .ToList()))
                .Where(p => p.Steps.Count > 0)
                .ToList(),
            r.Steps.All(s => s.Down is not null))).ToList(),
        plan.Offline.Select(o => new OfflineRow(o.Change.Describe(), o.Reason, o.Downtime)).ToList(),
        new SettingsView(plan.Settings.LockTimeout, plan.Settings.StatementTimeout, plan.Settings.BatchSize, plan.Settings.BatchPauseMilliseconds));

    internal sealed record ChangeRow(string Description, string Verdict, string Hazards, string Recipe, string Location);

    internal sealed record ReleaseView(int Number, IReadOnlyList<string> Instructions, bool HasInstructions, IReadOnlyList<PhaseView> Phases, bool Reversible);

    internal sealed record PhaseView(string Name, IReadOnlyList<StepRow> Steps);

    internal sealed record StepRow(string Up, string Down, string Title, bool Transactional, bool Reversible, string? Irreversible);

    internal sealed record OfflineRow(string Change, string Reason, string Downtime);

    internal sealed record SettingsView(string LockTimeout, string StatementTimeout, int BatchSize, int PauseMilliseconds);
}
