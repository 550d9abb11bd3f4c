using System.Text.Json;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Snapshots;

namespace SchemaPlanner.Templates;

/// <summary>
/// Reads a plan folder for <c>apply</c> and <c>status</c>: the steps as <see cref="PlanReader"/> reads them, plus
/// what a runner needs beyond their SQL (titles, checksums, releases and their app instructions), and checks that
/// no file changed since it was planned.
/// </summary>
public static class PlanManifestReader
{
    public static PlanManifest Read(string directory)
    {
        try
        {
            return ReadValid(directory);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{Path.Combine(directory, "plan.json")}: not a valid SchemaPlanner plan.json ({ex.Message.Split('\n')[0]}); run `schemaplan plan` again");
        }
    }

    private static PlanManifest ReadValid(string directory)
    {
        var written = PlanReader.Read(directory);
        var path = Path.Combine(directory, "plan.json");
        var bytes = File.ReadAllBytes(path);
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var releases = root.GetProperty("releases").EnumerateArray().Select(r => new ReleaseManifest(
            r.GetProperty("release").GetInt32(),
            r.GetProperty("app").GetString()!,
            r.GetProperty("appInstructions").EnumerateArray().Select(i => i.GetString()!).ToList())).ToList();
        var steps = root.GetProperty("steps").EnumerateArray().Zip(written.Steps).Select((pair, index) => new ManifestStep(
            index,
            pair.Second,
            Text(pair.First, "title") ?? pair.Second.UpFile,
            Text(pair.First, "sha256"),
            Text(pair.First, "downSha256"),
            Text(pair.First, "irreversibleBecause"))).ToList();
        return new PlanManifest(directory, FileChecksum.Of(bytes), written.FromFingerprint, written.ToFingerprint, releases, steps);
    }

    /// <summary>
    /// Refuses a plan whose files differ from the checksums plan.json recorded (a hand edit after planning, a bad
    /// merge), or one written before plans carried checksums.
    /// </summary>
    public static void VerifyChecksums(PlanManifest manifest)
    {
        foreach (var step in manifest.Steps)
        {
            foreach (var (file, expected) in new[] { (step.Step.UpFile, step.UpChecksum), (step.Step.DownFile, step.DownChecksum) })
            {
                if (expected is null)
                {
                    throw new SchemaPlannerException(
                        ErrorKind.InvalidInput,
                        $"--plan: {Path.Combine(manifest.Folder, "plan.json")} has no checksum for {file} (planned by an older schemaplan); run `schemaplan plan` again");
                }

                if (FileChecksum.Of(File.ReadAllBytes(Path.Combine(manifest.Folder, file))) != expected)
                {
                    throw new SchemaPlannerException(
                        ErrorKind.InvalidInput,
                        $"--plan: {file} changed since it was planned (its sha256 differs from plan.json); nothing was run: undo the edit, or run `schemaplan plan` again (then `schemaplan rehearse`) to plan the change");
                }
            }
        }
    }

    /// <summary>The schema the plan starts from (<see cref="PlanWriter.FromSchemaFile"/>), or null in plans written without it.</summary>
    public static SchemaModel? FromSchema(PlanManifest manifest)
    {
        var path = Path.Combine(manifest.Folder, PlanWriter.FromSchemaFile);
        return File.Exists(path) ? SnapshotSerializer.Deserialize(File.ReadAllText(path), path).Model : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
