using System.Text.Json;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>schemaplan.json</c>: hints (renames, column expressions), accepted hazards, defaults for flags, settings.
/// Every part is optional.
/// </summary>
public sealed record SchemaPlannerConfig
{
    public const string FileName = "schemaplan.json";

    public static SchemaPlannerConfig Empty { get; } = new();

    public string? Path { get; init; }

    public IReadOnlyList<RenameHint> Renames { get; init; } = [];

    public IReadOnlyList<ColumnHint> Columns { get; init; } = [];

    public IReadOnlyList<CopyHint> Copies { get; init; } = [];

    public IReadOnlyList<AllowEntry> Allow { get; init; } = [];

    public PlannerSettings Settings { get; init; } = new();

    public string? Desired { get; init; }

    public string? Database { get; init; }

    public string? DevDatabase { get; init; }

    public string? Templates { get; init; }

    public string? Out { get; init; }

    /// <summary><c>"rehearsal": { "rows": N, "rate": N, "old": "file.sql", "new": "file.sql" }</c>.</summary>
    public RehearsalSettings Rehearsal { get; init; } = new();

    /// <summary>Loads <paramref name="explicitPath"/>, or schemaplan.json in <paramref name="directory"/> if present.</summary>
    public static SchemaPlannerConfig Load(string? explicitPath, string directory)
    {
        var path = explicitPath ?? System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return explicitPath is null
                ? Empty
                : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"config file {explicitPath} not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static SchemaPlannerConfig Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SchemaPlannerException(
                ErrorKind.InvalidInput,
                $"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): invalid JSON: {FirstLine(ex.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: the top level must be a JSON object");
            }

            var renames = new List<RenameHint>();
            var columns = new List<ColumnHint>();
            var copies = new List<CopyHint>();
            if (root.TryGetProperty("hints", out var hints))
            {
                var index = 0;
                foreach (var hint in Array(hints, path, "hints"))
                {
                    var where = $"{path}: hints[{index++}]";
                    var written = Compact(hint);
                    if (hint.ValueKind != JsonValueKind.Object)
                    {
                        throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where} {written}: a hint must be a JSON object");
                    }

                    if (hint.TryGetProperty("rename", out var rename))
                    {
                        var to = RequiredString(hint, "to", where);
                        var parts = ObjectPath.Parse(String(rename, where + ".rename"), where);
                        if (parts.Count == 2)
                        {
                            renames.Add(new RenameHint(new Model.QualifiedName(parts[0], parts[1]), null, to) { Where = where, Json = written });
                        }
                        else if (parts.Count == 3)
                        {
                            renames.Add(new RenameHint(new Model.QualifiedName(parts[0], parts[1]), parts[2], to) { Where = where, Json = written });
                        }
                        else
                        {
                            throw new SchemaPlannerException(
                                ErrorKind.InvalidInput,
                                $"{where}: \"rename\" must name a table (schema.table) or a column (schema.table.column)");
                        }
                    }
                    else if (hint.TryGetProperty("column", out var column))
                    {
                        var (table, name) = ObjectPath.ParseColumn(String(column, where + ".column"), where);
                        columns.Add(new ColumnHint(table, name, RequiredString(hint, "using", where)) { Where = where, Json = written });
                    }
                    else if (hint.TryGetProperty("copy", out var copy))
                    {
                        copies.Add(ParseCopy(hint, copy, where) with { Where = where, Json = written });
                    }
                    else
                    {
                        throw new SchemaPlannerException(
                            ErrorKind.InvalidInput,
                            $"{where} {written}: a hint needs \"rename\" + \"to\", \"column\" + \"using\", or \"copy\" + \"into\" + \"columns\"");
                    }
                }
            }

            var allow = new List<AllowEntry>();
            if (root.TryGetProperty("allow", out var allowArray))
            {
                var index = 0;
                foreach (var entry in Array(allowArray, path, "allow"))
                {
                    var where = $"{path}: allow[{index++}]";
                    allow.Add(new AllowEntry(RequiredString(entry, "rule", where), RequiredString(entry, "object", where), RequiredString(entry, "reason", where)));
                }
            }

            var settings = new PlannerSettings();
            settings = settings with
            {
                SmallTableRows = OptionalLong(root, "smallTableRows", path) ?? settings.SmallTableRows,
                BatchSize = (int)(OptionalLong(root, "batchSize", path) ?? settings.BatchSize),
                BatchPauseMilliseconds = (int)(OptionalLong(root, "batchPauseMs", path) ?? settings.BatchPauseMilliseconds),
                BatchTargetMilliseconds = (int)(OptionalLong(root, "batchTargetMs", path) ?? settings.BatchTargetMilliseconds),
                BatchSizeMax = (int)(OptionalLong(root, "batchSizeMax", path) ?? settings.BatchSizeMax),
                BatchPauseFraction = OptionalDouble(root, "batchPauseFraction", path) ?? settings.BatchPauseFraction,
                MaxReplicaLagMilliseconds = (int)(OptionalLong(root, "maxReplicaLagMs", path) ?? settings.MaxReplicaLagMilliseconds),
                MaxWalBacklogMegabytes = (int)(OptionalLong(root, "maxWalBacklogMb", path) ?? settings.MaxWalBacklogMegabytes),
                LockTimeout = OptionalString(root, "lockTimeout", path) ?? settings.LockTimeout,
                StatementTimeout = OptionalString(root, "statementTimeout", path) ?? settings.StatementTimeout,
            };

            return new SchemaPlannerConfig
            {
                Path = path,
                Renames = renames,
                Columns = columns,
                Copies = copies,
                Allow = allow,
                Settings = settings,
                Desired = OptionalString(root, "desired", path),
                Database = OptionalString(root, "database", path),
                DevDatabase = OptionalString(root, "devDatabase", path),
                Templates = OptionalString(root, "templates", path),
                Out = OptionalString(root, "out", path),
                Rehearsal = root.TryGetProperty("rehearsal", out var rehearsal) ? RehearsalSettings.Parse(rehearsal, path) : new(),
            };
        }
    }

    public ColumnHint? FindColumnHint(Model.QualifiedName table, string column) =>
        Columns.FirstOrDefault(h => h.Table == table && h.Column == column);

    private static CopyHint ParseCopy(JsonElement hint, JsonElement copy, string where)
    {
        var source = ObjectPath.ParseTable(String(copy, where + ".copy"), where);
        var target = ObjectPath.ParseTable(RequiredString(hint, "into", where), where);
        if (!hint.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where}: \"columns\" must be an object of target column → SQL expression over the {source} row");
        }

        var mapping = new List<KeyValuePair<string, string>>();
        foreach (var column in columns.EnumerateObject())
        {
            var name = ObjectPath.Parse(column.Name, where + ".columns");
            if (name.Count != 1)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where}.columns: \"{column.Name}\" must be a column name of {target}");
            }

            mapping.Add(new(name[0], String(column.Value, $"{where}.columns.{column.Name}")));
        }

        if (mapping.Count == 0)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where}: \"columns\" is empty");
        }

        var filter = hint.TryGetProperty("where", out var w) ? String(w, where + ".where") : null;
        return new CopyHint(source, target, mapping, filter);
    }

    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string path, string name) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray()
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"{name}\" must be an array");

    private static string String(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where} must be a string");

    private static string RequiredString(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value)
            ? String(value, $"{where}.{name}")
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{where}: \"{name}\" is missing");

    private static string? OptionalString(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? String(value, $"{path}: \"{name}\"") : null;

    private static long? OptionalLong(JsonElement element, string name, string path) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0 ? number
        : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"{name}\" must be a non-negative whole number");

    private static double? OptionalDouble(JsonElement element, string name, string path) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= 0 ? number
        : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"{name}\" must be a non-negative number");

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
