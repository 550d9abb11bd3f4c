using System.Globalization;
using SchemaPlanner.Planning;

namespace SchemaPlanner.Templates;

/// <summary>
/// <c>plan --layout dbup</c>: the plan's steps as DbUp scripts in <c>&lt;out&gt;/dbup/</c>, named
/// <c>&lt;release:0000&gt;_&lt;phase-order&gt;_&lt;nnn&gt;_&lt;what&gt;.sql</c> so that DbUp's ordinal name order is the
/// plan's order and a script filter on the <c>&lt;release&gt;_&lt;phase-order&gt;</c> prefix stops at a phase boundary
/// (<see cref="PhaseKey"/>). DbUp is meant to run without its own transaction: transactional steps carry their
/// own BEGIN/COMMIT (<c>layouts/dbup/script.sbn</c>), non-transactional ones run bare. Verify steps stay what
/// they are, scripts that RAISE EXCEPTION and so fail the run. Downs go to <c>dbup/down/</c>, which DbUp does
/// not read (it has no downs).
/// </summary>
public static class DbUpLayout
{
    public const string Folder = "dbup";

    /// <summary>The prefix every script of a phase starts with, e.g. <c>0001_1</c> for 1/pre-deploy.</summary>
    public static string PhaseKey(int release, Phase phase) => string.Create(CultureInfo.InvariantCulture, $"{release:0000}_{(int)phase + 1}");

    public static IReadOnlyList<(string Path, string Text)> Files(IReadOnlyList<RenderedStep> steps, PlanRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(renderer);
        var files = new List<(string, string)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var name = $"{PhaseKey(step.Step.Release, step.Step.Phase)}_{Path.GetFileName(step.UpPath)[..^".up.sql".Length]}.sql";
            var position = string.Create(CultureInfo.InvariantCulture, $"{i + 1} of {steps.Count}");
            files.Add((Path.Combine(Folder, name), renderer.RenderLayout("layouts/dbup/script.sbn", new LayoutFileView(position, step.UpPath, step.Step.Transactional, step.Up.TrimEnd('\n')))));
            files.Add((Path.Combine(Folder, "down", name), renderer.RenderLayout("layouts/dbup/down.sbn", new LayoutFileView(position, step.DownPath, step.Step.Transactional, step.Down.TrimEnd('\n')))));
        }

        return files;
    }
}
