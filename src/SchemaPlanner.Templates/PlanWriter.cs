using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;

namespace SchemaPlanner.Templates;

/// <summary>
/// Writes a rendered plan: plan.md, plan.json, OFFLINE.md when needed, and
/// <c>release-N/&lt;phase&gt;/NNN_what.{up,down}.sql</c> plus <c>release-N/APP.md</c>.
/// </summary>
public static class PlanWriter
{
    public const string Format = "schemaplanner-plan";
    public const int Version = 1;

    /// <summary>The snapshot of the schema the plan starts from, so that `apply` can show how a database differs from it.</summary>
    public const string FromSchemaFile = "from-schema.json";

    public static IReadOnlyList<ExecutableStep> Executable(IReadOnlyList<RenderedStep> steps) =>
        steps.Select(s => new ExecutableStep(s.Step.Release, s.Step.Phase, s.Step.Transactional, s.UpPath, s.Up, s.DownPath, s.Down, s.Step.Down is not null, s.Step.LockTimeout)).ToList();

    /// <summary>Refuses a non-empty folder unless <paramref name="force"/>; with it, replaces only what a plan consists of.</summary>
    public static void PrepareFolder(string directory, bool force)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!force)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--out: {directory} is not empty; use --force to replace the plan in it");
            }

            foreach (var folder in Directory.EnumerateDirectories(directory, "release-*").Concat(new[] { FlywayLayout.Folder, DbUpLayout.Folder, EfCoreLayout.Folder }.Select(f => Path.Combine(directory, f))).Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var file in new[] { "plan.md", "plan.json", "OFFLINE.md", "rehearsal.md", "rehearsal.json", FromSchemaFile })
            {
                File.Delete(Path.Combine(directory, file));
            }
        }
    }

    public static void Write(string directory, MigrationPlan plan, IReadOnlyList<RenderedStep> steps, PlanRenderer renderer, string? offlineRunbook, RehearsalReport? rehearsal = null, SchemaModel? from = null, LayoutOptions? layout = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        Directory.CreateDirectory(directory);
        var runnerFiles = (layout ?? LayoutOptions.Sql).Layout switch
        {
            PlanLayout.Flyway => FlywayLayout.Files(steps, renderer),
            PlanLayout.DbUp => DbUpLayout.Files(steps, renderer),
            PlanLayout.EfCore => EfCoreLayout.Files(steps, renderer, layout!),
            _ => [],
        };
        foreach (var (path, text) in runnerFiles)
        {
            WriteText(Path.Combine(directory, path), text);
        }

        foreach (var step in steps)
        {
            WriteText(Path.Combine(directory, step.UpPath), step.Up);
            WriteText(Path.Combine(directory, step.DownPath), step.Down);
        }

        foreach (var release in plan.Releases)
        {
            WriteText(Path.Combine(directory, $"release-{release.Number}", "APP.md"), renderer.RenderApp(plan, release, steps));
        }

        // The figures vary run to run, so they live beside the plan: plan.md and plan.json stay byte-identical.
        var markdown = renderer.RenderPlanMarkdown(plan, steps) + "\n## Rehearsed under traffic\n\n" + (rehearsal is null
            ? "Not rehearsed (`--no-rehearse`): run `schemaplan rehearse --plan DIR` before applying it.\n"
            : "Every step ran on a copy with rows while the old and the new app version wrote continuously; every invariant held at every step boundary " +
              "(no statement failed, no row or value lost or changed, constraints enforced, views right, every step finished, no lock wait past lock_timeout). " +
              "Figures per step: [rehearsal.md](rehearsal.md).\n");
        WriteText(Path.Combine(directory, "plan.md"), markdown);
        WriteText(Path.Combine(directory, "plan.json"), Json(plan, steps, rehearsal is not null));
        if (rehearsal is not null)
        {
            WriteText(Path.Combine(directory, "rehearsal.md"), "# Rehearsed under traffic\n\n" + RehearsalText.Markdown(rehearsal));
            WriteText(Path.Combine(directory, "rehearsal.json"), RehearsalJson(rehearsal));
        }
        if (offlineRunbook is not null)
        {
            WriteText(Path.Combine(directory, "OFFLINE.md"), offlineRunbook);
        }

        if (from is not null)
        {
            WriteText(Path.Combine(directory, FromSchemaFile), Snapshots.SnapshotSerializer.Serialize(new DatabaseSchema(from, null, EquatableArray<TableStatistics>.Empty)));
        }
    }

    public static string Json(MigrationPlan plan, IReadOnlyList<RenderedStep> steps, bool rehearsed = false)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteStartObject("fingerprints");
            json.WriteString("from", plan.FromFingerprint);
            json.WriteString("to", plan.ToFingerprint);
            json.WriteEndObject();
            json.WriteStartArray("releases");
            foreach (var release in plan.Releases)
            {
                json.WriteStartObject();
                json.WriteNumber("release", release.Number);
                json.WriteString("app", $"release-{release.Number}/APP.md");
                json.WriteStartArray("appInstructions");
                foreach (var instruction in release.AppInstructions)
                {
                    json.WriteStringValue(instruction);
                }

                json.WriteEndArray();
                json.WriteBoolean("reversible", release.Steps.All(s => s.Down is not null));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var (change, recipe) in plan.Changes.Zip(plan.ChangeRecipes))
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Change.Kind);
                json.WriteString("object", change.Change.Object);
                json.WriteString("description", change.Change.Describe());
                json.WriteBoolean("safe", change.Safe);
                json.WriteString("recipe", recipe);
                json.WriteStartArray("hazards");
                foreach (var hazard in change.Hazards)
                {
                    json.WriteStringValue(hazard.Rule);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("offline");
            foreach (var offline in plan.Offline)
            {
                json.WriteStartObject();
                json.WriteString("change", offline.Change.Describe());
                json.WriteString("reason", offline.Reason);
                json.WriteString("downtime", offline.Downtime);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("steps");
            foreach (var step in steps)
            {
                json.WriteStartObject();
                json.WriteNumber("release", step.Step.Release);
                json.WriteString("phase", PhaseNames.Of(step.Step.Phase));
                json.WriteString("file", step.UpPath);
                json.WriteString("down", step.DownPath);
                json.WriteString("sha256", FileChecksum.OfText(step.Up));
                json.WriteString("downSha256", FileChecksum.OfText(step.Down));
                json.WriteBoolean("reversible", step.Step.Down is not null);
                if (step.Step.Irreversible is { } reason)
                {
                    json.WriteString("irreversibleBecause", reason);
                }

                json.WriteBoolean("transactional", step.Step.Transactional);
                json.WriteString("lockTimeout", step.Step.LockTimeout);
                json.WriteString("statementTimeout", step.Step.StatementTimeout);
                json.WriteBoolean("retriesOnLockTimeout", step.Step.RetryOnLockTimeout && step.Step.Transactional);
                json.WriteString("title", step.Step.Title);
                json.WriteString("serves", step.Step.Serves.Object);
                json.WriteStartArray("hazards");
                foreach (var hazard in step.Step.Hazards)
                {
                    json.WriteStringValue(hazard.Rule);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (rehearsed)
            {
                json.WriteStartObject("rehearsal");
                json.WriteBoolean("passed", true);
                json.WriteString("report", "rehearsal.json");
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("rehearsal");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>rehearsal.json: the rows it ran on, the checks, and each step's figures per app version.</summary>
    public static string RehearsalJson(RehearsalReport rehearsal)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            WriteRehearsal(json, rehearsal);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRehearsal(Utf8JsonWriter json, RehearsalReport rehearsal)
    {
        json.WriteStartObject();
        json.WriteString("rows", rehearsal.RowsSource);
        json.WriteNumber("boundaries", rehearsal.Boundaries);
        json.WriteNumber("valueChecks", rehearsal.ValueChecks);
        json.WriteNumber("viewChecks", rehearsal.ViewChecks);
        json.WriteNumber("rejectedBadWrites", rehearsal.ProbesRejected);
        json.WriteNumber("generatedWritesOwnChecksRejected", rehearsal.SampleWritesOwnChecksRejected);
        json.WriteStartArray("steps");
        foreach (var step in rehearsal.Steps)
        {
            json.WriteStartObject();
            json.WriteString("file", step.File);
            json.WriteNumber("durationMs", step.DurationMs);
            foreach (var (name, figures) in new[] { ("old", step.Old), ("new", step.New) })
            {
                json.WriteStartObject(name);
                json.WriteNumber("statements", figures.Statements);
                json.WriteNumber("errors", figures.Errors);
                json.WriteNumber("p99Ms", figures.P99Ms);
                json.WriteNumber("maxMs", figures.MaxMs);
                json.WriteEndObject();
            }

            json.WriteNumber("longestLockWaitMs", step.LongestLockWaitMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
    }
}
