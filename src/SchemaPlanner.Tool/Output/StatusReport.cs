using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaPlanner.Deploy;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Deploy;

namespace SchemaPlanner.Tool.Output;

/// <summary>
/// <c>schemaplan status</c> as text and JSON: each step's state, where the database is, what runs next, and
/// what the application release must have done before it.
/// </summary>
internal static class StatusReport
{
    public static string Text(DeployStatus status)
    {
        var state = status.State;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"plan {state.Manifest.Folder} ({Short(state.Manifest.Fingerprint)}) on {status.Database}\n");
        foreach (var step in state.Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {DeployState.Describe(step.State),-24} {step.Step.Point,-15} {step.Step.Step.UpFile}{When(step.Last)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{Done(state)} of {state.Steps.Count} step(s) done; at {state.Current}.\n");
        if (status.StartStateMatches is false)
        {
            text.Append("The database is not in the state the plan starts from: `schemaplan apply` will refuse it (it prints the differences).\n");
        }

        if (state.Next is not { } next)
        {
            text.Append("Nothing left to run.\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"next: {next.Point} ({next.Steps.Count} step(s)): schemaplan apply --to {next.Point}\n");
        var (release, required) = App(state, next.Point);
        if (release is not null)
        {
            text.Append(required
                ? $"before {next.Point}: application release {release.Number} must be deployed everywhere ({release.App}):\n"
                : $"application release {release.Number} is not needed yet: deploy it after the steps before {release.Number}/post-deploy ({release.App}):\n");
            foreach (var instruction in release.Instructions)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {instruction}\n");
            }
        }

        return text.ToString();
    }

    public static string Json(DeployStatus status)
    {
        var state = status.State;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("plan", state.Manifest.Fingerprint);
            json.WriteString("folder", state.Manifest.Folder);
            json.WriteString("database", status.Database);
            json.WriteStartObject("fingerprints");
            json.WriteString("from", state.Manifest.From);
            json.WriteString("to", state.Manifest.To);
            json.WriteEndObject();
            if (status.StartStateMatches is { } matches)
            {
                json.WriteBoolean("startStateMatches", matches);
            }
            else
            {
                json.WriteNull("startStateMatches");
            }

            json.WriteNumber("done", Done(state));
            json.WriteNumber("total", state.Steps.Count);
            json.WriteString("at", state.Current.ToString());
            json.WriteStartArray("steps");
            foreach (var step in state.Steps)
            {
                json.WriteStartObject();
                json.WriteNumber("release", step.Step.Step.Release);
                json.WriteString("phase", PhaseNames.Of(step.Step.Step.Phase));
                json.WriteString("file", step.Step.Step.UpFile);
                json.WriteString("state", DeployState.Describe(step.State));
                WriteTime(json, "startedAt", step.Last?.StartedAt);
                WriteTime(json, "finishedAt", step.Last?.FinishedAt);
                json.WriteString("error", step.Last?.Error);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (state.Next is { } next)
            {
                json.WriteStartObject("next");
                json.WriteString("point", next.Point.ToString());
                json.WriteString("command", $"schemaplan apply --to {next.Point}");
                json.WriteStartArray("steps");
                foreach (var step in next.Steps)
                {
                    json.WriteStringValue(step.Step.Step.UpFile);
                }

                json.WriteEndArray();
                var (release, required) = App(state, next.Point);
                if (release is not null)
                {
                    json.WriteStartObject("app");
                    json.WriteNumber("release", release.Number);
                    json.WriteString("file", release.App);
                    json.WriteBoolean("mustBeDeployedBefore", required);
                    json.WriteStartArray("instructions");
                    foreach (var instruction in release.Instructions)
                    {
                        json.WriteStringValue(instruction);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("app");
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("next");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The app release the next phase concerns: before a release's post-deploy its application version must run
    /// everywhere (the old one is gone); before the other phases the old version still runs and the new one waits.
    /// </summary>
    private static (ReleaseManifest? Release, bool Required) App(DeployState state, PhasePoint next) =>
        (state.Manifest.Release(next.Release), next.Phase == Phase.PostDeploy);

    private static int Done(DeployState state) => state.Steps.Count(s => s.State == StepState.Done);

    private static string When(HistoryEntry? last) => last switch
    {
        null => "",
        { FinishedAt: { } finished } => $"  {last.Outcome} {Time(finished)}",
        _ => $"  started {Time(last.StartedAt)}, not finished",
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Short(string fingerprint) => fingerprint.Length > 19 ? fingerprint[..19] + "…" : fingerprint;
}
