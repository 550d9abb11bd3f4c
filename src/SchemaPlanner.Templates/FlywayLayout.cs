using System.Globalization;

namespace SchemaPlanner.Templates;

/// <summary>
/// <c>plan --layout flyway</c>: the plan's steps as versioned migrations that Flyway and Evolve run in plan order,
/// in <c>&lt;out&gt;/flyway/</c> beside the usual layout: <c>V&lt;release&gt;_&lt;phase-order&gt;_&lt;nnn&gt;__&lt;what&gt;.sql</c>
/// and <c>U…</c> undo files. A non-transactional step becomes one file per statement
/// (<c>V…_&lt;nnn&gt;_&lt;part&gt;__…</c>), each marked the way both runners read it (<c>-- evolve-tx-off</c> on its first
/// line, <c>executeInTransaction=false</c> in its <c>.sql.conf</c>): a runner that sends a file as one command
/// would otherwise run its statements in one implicit transaction, which <c>CONCURRENTLY</c> and a backfill's
/// per-batch <c>COMMIT</c> refuse.
/// </summary>
public static class FlywayLayout
{
    public const string Folder = "flyway";

    private const string TransactionOff = "-- evolve-tx-off\n";

    /// <summary>The files of the layout, by path relative to the plan folder.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(IReadOnlyList<RenderedStep> steps, PlanRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(renderer);
        var files = new List<(string, string)>();
        foreach (var step in steps)
        {
            var name = Path.GetFileName(step.UpPath);
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var number = name[..underscore];
            var what = name[(underscore + 1)..^".up.sql".Length];
            var version = string.Create(CultureInfo.InvariantCulture, $"{step.Step.Release}_{(int)step.Step.Phase + 1}_{number}");
            if (step.Step.Transactional)
            {
                files.Add((Path.Combine(Folder, $"V{version}__{what}.sql"), step.Up));
                files.Add((Path.Combine(Folder, $"U{version}__{what}.sql"), step.Down));
                continue;
            }

            var parts = StepStatements.Split(step.UpPath, step.Up);
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts.Count == 1 ? version : string.Create(CultureInfo.InvariantCulture, $"{version}_{i + 1}");
                var header = parts.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-- Statement {i + 1} of {parts.Count} of {step.UpPath}.\n");
                AddNonTransactional(files, $"V{part}__{what}.sql", TransactionOff + header + parts[i]);

                // Undo runs newest first: the last part's undo file undoes the whole step, the others have nothing left.
                var undo = i == parts.Count - 1
                    ? TransactionOff + step.Down
                    : renderer.RenderLayout("layouts/flyway/nothing-to-undo.sbn", new LayoutFileView("", step.UpPath, Transactional: false, $"U{version}_{parts.Count}__{what}.sql"));
                AddNonTransactional(files, $"U{part}__{what}.sql", undo);
            }
        }

        return files;
    }

    private static void AddNonTransactional(List<(string, string)> files, string name, string text)
    {
        files.Add((Path.Combine(Folder, name), text));
        files.Add((Path.Combine(Folder, name + ".conf"), "executeInTransaction=false\n"));
    }
}
