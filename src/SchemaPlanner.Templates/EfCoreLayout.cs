using System.Globalization;
using System.Text;
using SchemaPlanner.Planning;

namespace SchemaPlanner.Templates;

/// <summary>
/// <c>plan --layout efcore</c>: one EF Core migration class per step in <c>&lt;out&gt;/efcore/</c>, for the DbContext
/// named by <c>--efcore-context</c>. Ids are <c>yyyyMMddHHmmss_Name</c>, one second apart from
/// <see cref="LayoutOptions.EfCoreTimestamp"/> in plan order, so EF Core's id order is the plan's order, and the
/// names say where each step sits (<c>R1PreDeploy003CreateIndex…</c>): <c>dotnet ef database update
/// &lt;last migration of a phase&gt;</c> stops at that phase's boundary (<see cref="PhaseEnd"/>). A transactional step
/// is one <c>migrationBuilder.Sql</c> inside the migration's transaction; a non-transactional one is one
/// <c>Sql(…, suppressTransaction: true)</c> per statement. <c>Down</c> runs the down file; an irreversible step's
/// <c>Down</c> throws.
/// </summary>
public static class EfCoreLayout
{
    public const string Folder = "efcore";

    /// <summary>The migration class name of a step, e.g. <c>R1PreDeploy001AddColumnBody</c>.</summary>
    public static string Name(RenderedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var file = Path.GetFileName(step.UpPath)[..^".up.sql".Length];
        return string.Create(CultureInfo.InvariantCulture, $"R{step.Step.Release}{Pascal(PhaseNames.Of(step.Step.Phase))}{Pascal(file)}");
    }

    /// <summary>Each phase that has steps (<c>&lt;release&gt;/&lt;phase&gt;</c>) with the name of its last migration, in plan order.</summary>
    public static IReadOnlyList<(string Point, string Migration)> PhaseEnd(IReadOnlyList<RenderedStep> steps) =>
        steps.GroupBy(s => $"{s.Step.Release.ToString(CultureInfo.InvariantCulture)}/{PhaseNames.Of(s.Step.Phase)}", StringComparer.Ordinal)
            .Select(g => (g.Key, Name(g.Last())))
            .ToList();

    public static IReadOnlyList<(string Path, string Text)> Files(IReadOnlyList<RenderedStep> steps, PlanRenderer renderer, LayoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(options);
        var start = options.EfCoreTimestamp ?? throw new ArgumentException("the efcore layout needs its first timestamp", nameof(options));
        var files = new List<(string, string)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var name = Name(step);
            var id = start.AddSeconds(i).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + name;
            var view = new EfCoreMigrationView(
                string.Create(CultureInfo.InvariantCulture, $"{i + 1} of {steps.Count}"),
                step.UpPath,
                step.DownPath,
                step.Step.Title,
                options.EfCoreNamespace!,
                options.EfCoreContext!,
                id,
                name,
                step.Step.Transactional,
                Statements(step.UpPath, step.Up, step.Step.Transactional),
                step.Step.Down is null ? [] : Statements(step.DownPath, step.Down, step.Step.Transactional),
                step.Step.Down is null ? Verbatim($"{step.Step.Title} cannot be undone: {step.Step.Irreversible ?? "no reverse is known"} ({step.DownPath})") : null);
            files.Add((Path.Combine(Folder, id + ".cs"), renderer.RenderLayout("layouts/efcore/migration.sbn", view)));
        }

        return files;
    }

    /// <summary>The file as one C# literal, or, outside a transaction, one literal per statement.</summary>
    private static List<string> Statements(string file, string text, bool transactional) =>
        (transactional ? [text] : StepStatements.Split(file, text)).Select(Verbatim).ToList();

    private static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Pascal(string slug)
    {
        var result = new StringBuilder();
        foreach (var word in slug.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var c in word.Where(char.IsAsciiLetterOrDigit).Select((c, j) => j == 0 ? char.ToUpperInvariant(c) : c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
