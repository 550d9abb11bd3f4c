using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaPlanner.Analysis;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tool.Output;

/// <summary>
/// The stable JSON shape documented in the README. Written field by field (no reflection) so the order and
/// content never drift; identical input gives byte-identical output.
/// </summary>
internal static class JsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(SchemaAnalysis analysis, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("serverVersion", analysis.Current.Schema.Server?.Version);
            json.WriteNumber("pgVersionClassified", analysis.Context.MajorVersion);
            json.WriteStartObject("summary");
            json.WriteNumber("changes", analysis.Changes.Count);
            json.WriteNumber("safe", analysis.Changes.Count(c => c.Safe));
            json.WriteNumber("unsafe", analysis.Changes.Count(c => !c.Safe));
            json.WriteEndObject();
            json.WriteStartArray("changes");
            foreach (var item in analysis.Changes)
            {
                WriteChange(json, item);
            }

            json.WriteEndArray();
            json.WriteStartArray("suggestions");
            foreach (var suggestion in analysis.Diff.Suggestions)
            {
                json.WriteStartObject();
                json.WriteString("dropped", suggestion.Dropped);
                json.WriteString("added", suggestion.Added);
                json.WritePropertyName("hint");
                using (var hint = JsonDocument.Parse(suggestion.Hint))
                {
                    hint.RootElement.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in analysis.Diff.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    private static void WriteChange(Utf8JsonWriter json, ClassifiedChange item)
    {
        json.WriteStartObject();
        json.WriteString("kind", item.Change.Kind);
        json.WriteString("object", item.Change.Object);
        if (item.Change.Table is { } table)
        {
            json.WriteString("table", table.ToString());
        }
        else
        {
            json.WriteNull("table");
        }

        json.WriteString("description", item.Change.Describe());
        json.WriteBoolean("safe", item.Safe);
        if (item.Location is { } location)
        {
            json.WriteStartObject("location");
            json.WriteString("file", location.File.Replace('\\', '/'));
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("location");
        }

        json.WriteStartArray("hazards");
        foreach (var hazard in item.Hazards)
        {
            json.WriteStartObject();
            json.WriteString("rule", hazard.Rule);
            json.WriteString("kind", ReportText.JsonKind(hazard.Kind));
            json.WriteString("severity", hazard.Severity == Severity.Error ? "error" : "warning");
            json.WriteString("lock", hazard.Lock);
            json.WriteString("message", hazard.Message);
            json.WriteString("recipe", hazard.Recipe);
            json.WriteBoolean("allowed", hazard.Allowed);
            json.WriteString("allowedBecause", hazard.AllowedBecause);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
