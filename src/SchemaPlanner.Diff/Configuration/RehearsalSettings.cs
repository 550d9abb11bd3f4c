using System.Text.Json;
using SchemaPlanner.Errors;

namespace SchemaPlanner.Configuration;

/// <summary>
/// The rehearsal's part of schemaplan.json: synthetic rows per table, transactions per second per app version,
/// and the users' own statements for each version (files relative to schemaplan.json).
/// </summary>
public sealed record RehearsalSettings
{
    public int? Rows { get; init; }

    public int? Rate { get; init; }

    /// <summary>The longest the traffic dwells before a step (it ends sooner once each version has reached the tables the step concerns; the traffic also runs during it).</summary>
    public int? DwellMilliseconds { get; init; }

    /// <summary>Seconds a step may take under traffic before the rehearsal fails it.</summary>
    public int? StepTimeoutSeconds { get; init; }

    public string? OldWorkload { get; init; }

    public string? NewWorkload { get; init; }

    internal static RehearsalSettings Parse(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"rehearsal\" must be an object");
        }

        int? Number(string name) =>
            !element.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0 ? n
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"rehearsal.{name}\" must be a positive whole number");
        string? File(string name) =>
            !element.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.String ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, value.GetString()!)
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: \"rehearsal.{name}\" must be a file name");
        return new RehearsalSettings
        {
            Rows = Number("rows"),
            Rate = Number("rate"),
            DwellMilliseconds = Number("dwellMs"),
            StepTimeoutSeconds = Number("stepTimeoutSeconds"),
            OldWorkload = File("old"),
            NewWorkload = File("new"),
        };
    }
}
