using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaPlanner.Analysis;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tool.Output;

/// <summary>SARIF 2.1.0 for code-scanning UIs: rule metadata with help links, one result per hazard.</summary>
internal static class SarifReport
{
    public static void Write(SchemaAnalysis analysis, TextWriter output)
    {
        var baseDirectory = Directory.GetCurrentDirectory();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "SchemaPlanner");
            json.WriteString("informationUri", "https://github.com/schemaplanner/schemaplanner");
            json.WriteString("semanticVersion", typeof(SarifReport).Assembly.GetName().Version?.ToString(3));
            json.WriteStartArray("rules");
            var rules = RuleRegistry.All;
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteString("helpUri", ReportText.DocsUrl(rule.Id));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var item in analysis.Changes)
            {
                foreach (var hazard in item.Hazards)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", hazard.Rule);
                    var index = rules.ToList().FindIndex(r => r.Id == hazard.Rule);
                    if (index >= 0)
                    {
                        json.WriteNumber("ruleIndex", index);
                    }

                    json.WriteString("level", hazard.Severity == Severity.Error ? "error" : "warning");
                    json.WriteStartObject("message");
                    json.WriteString("text", $"{hazard.Message} (recipe: {hazard.Recipe})");
                    json.WriteEndObject();
                    if (item.Location is { } location)
                    {
                        json.WriteStartArray("locations");
                        json.WriteStartObject();
                        json.WriteStartObject("physicalLocation");
                        json.WriteStartObject("artifactLocation");
                        json.WriteString("uri", Path.GetRelativePath(baseDirectory, Path.GetFullPath(location.File)).Replace('\\', '/'));
                        json.WriteEndObject();
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", location.Line);
                        json.WriteNumber("startColumn", location.Column);
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }

                    if (hazard.Allowed)
                    {
                        json.WriteStartArray("suppressions");
                        json.WriteStartObject();
                        json.WriteString("kind", "external");
                        json.WriteString("justification", hazard.AllowedBecause);
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
