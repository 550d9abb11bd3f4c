using System.Text.Json;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;

namespace SchemaPlanner.Templates;

/// <summary>A written plan folder read back: its fingerprints and its steps (plan.json order, the SQL files' text).</summary>
public sealed record PlanReader(string FromFingerprint, string ToFingerprint, IReadOnlyList<ExecutableStep> Steps)
{
    public static PlanReader Read(string directory)
    {
        var path = Path.Combine(directory, "plan.json");
        if (!File.Exists(path))
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--plan: {path} not found (a folder written by `schemaplan plan`)");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != PlanWriter.Format)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: not a SchemaPlanner plan (no \"format\": \"{PlanWriter.Format}\")");
        }

        var fingerprints = root.GetProperty("fingerprints");
        var steps = new List<ExecutableStep>();
        foreach (var step in root.GetProperty("steps").EnumerateArray())
        {
            var up = step.GetProperty("file").GetString()!;
            var down = step.GetProperty("down").GetString()!;
            var phase = PhaseNames.Parse(step.GetProperty("phase").GetString()!)
                ?? throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{path}: step {up} has an unknown phase");
            steps.Add(new ExecutableStep(
                step.GetProperty("release").GetInt32(),
                phase,
                step.GetProperty("transactional").GetBoolean(),
                up,
                ReadFile(directory, up),
                down,
                ReadFile(directory, down),
                step.GetProperty("reversible").GetBoolean(),
                step.TryGetProperty("lockTimeout", out var timeout) && timeout.ValueKind == JsonValueKind.String ? timeout.GetString() : null));
        }

        return new PlanReader(fingerprints.GetProperty("from").GetString()!, fingerprints.GetProperty("to").GetString()!, steps);
    }

    private static string ReadFile(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"--plan: {file} is listed in plan.json but missing from {directory}");
    }
}
