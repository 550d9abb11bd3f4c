using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;

namespace SchemaPlanner.Snapshots;

/// <summary>
/// The model as stable, sorted, human-diffable JSON (two-space indent, LF, camelCase, nulls left out).
/// Reading it back yields an equal model.
/// </summary>
public static class SnapshotSerializer
{
    public const string Format = "schemaplanner-snapshot";
    public const int Version = 1;

    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(DatabaseSchema schema)
    {
        var document = new SnapshotDocument(Format, Version, schema.Server, schema.Statistics, schema.Model);
        return JsonSerializer.Serialize(document, Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static DatabaseSchema Deserialize(string json, string path)
    {
        SnapshotDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SnapshotDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): not a valid snapshot: {ex.Message.Split('\n')[0]}");
        }

        if (document is null || document.Format != Format || document.Model is null)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: not a SchemaPlanner snapshot (\"format\": \"{Format}\" missing)");
        }

        if (document.Version > Version)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: snapshot version {document.Version} is newer than this tool reads ({Version}); upgrade SchemaPlanner");
        }

        return new DatabaseSchema(document.Model.Normalize(), document.Server, document.Statistics);
    }

    public static bool LooksLikeSnapshot(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new QualifiedNameConverter());
        options.Converters.Add(new EquatableArrayConverterFactory());
        return options;
    }

    private sealed record SnapshotDocument(
        string Format,
        int Version,
        ServerInfo? Server,
        EquatableArray<TableStatistics> Statistics,
        SchemaModel Model);
}
