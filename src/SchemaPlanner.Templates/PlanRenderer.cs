using System.Globalization;
using SchemaPlanner.Planning;

namespace SchemaPlanner.Templates;

/// <summary>Turns plan steps into SQL files and the plan into plan.md / APP.md, all through templates.</summary>
public sealed class PlanRenderer
{
    public const int RetryAttempts = 10;

    private readonly TemplateEngine engine;

    public PlanRenderer(TemplateCatalog catalog) => engine = new TemplateEngine(catalog);

    public IReadOnlyList<RenderedStep> RenderSteps(MigrationPlan plan)
    {
        var result = new List<RenderedStep>();
        foreach (var release in plan.Releases)
        {
            foreach (var group in release.Steps.GroupBy(s => s.Phase))
            {
                var number = 0;
                foreach (var step in group)
                {
                    number++;
                    var stem = $"release-{release.Number}/{PhaseNames.Of(step.Phase)}/{number.ToString("000", CultureInfo.InvariantCulture)}_{StepNames.Slug(step.Name)}";
                    result.Add(new RenderedStep(step, stem + ".up.sql", stem + ".down.sql", RenderUp(step), RenderDown(step)));
                }
            }
        }

        return result;
    }

    public string RenderUp(PlanStep step) => Wrap(step, "up", engine.Render(step.Up.Data), step.RetryOnLockTimeout);

    public string RenderDown(PlanStep step)
    {
        if (step.Down is null)
        {
            var reason = step.Irreversible ?? "no reverse is known";
            var body = engine.Render(new IrreversibleData(step.Title, reason));
            return Wrap(step, "down", body, retry: false);
        }

        return Wrap(step, "down", engine.Render(step.Down.Data), step.RetryOnLockTimeout);
    }

    public string RenderPlanMarkdown(MigrationPlan plan, IReadOnlyList<RenderedStep> steps) =>
        engine.Render("plan.md.sbn", PlanView.Create(plan, steps));

    public string RenderApp(MigrationPlan plan, Release release, IReadOnlyList<RenderedStep> steps) =>
        engine.Render("app.md.sbn", PlanView.Create(plan, steps).Releases.Single(r => r.Number == release.Number));

    /// <summary>A runner layout's file (<c>layouts/…</c>), exactly as the template writes it: the step's SQL inside stays as rendered.</summary>
    internal string RenderLayout(string name, object data) => engine.RenderExact(name, data);

    public string RenderOffline(MigrationPlan plan, IReadOnlyList<RenderedStep> steps) =>
        engine.Render("offline.md.sbn", PlanView.Create(plan, steps));

    private string Wrap(PlanStep step, string direction, string body, bool retry) => engine.Render(new StepView(
        step.Release,
        PhaseNames.Of(step.Phase),
        direction,
        step.Title,
        step.Serves.Describe(),
        step.Hazards.Select(h => new HazardView(h.Rule, h.Kind.ToString(), h.Message)).ToList(),
        step.Transactional,
        step.LockTimeout,
        step.StatementTimeout,
        retry && step.Transactional,
        RetryAttempts,
        direction == "up" ? step.SquawkIgnores : step.DownSquawkIgnores,
        direction == "up" ? step.SquawkReason : step.DownSquawkReason,
        body));
}
