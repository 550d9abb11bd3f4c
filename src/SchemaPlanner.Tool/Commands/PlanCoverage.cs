using System.Text.Json;
using SchemaPlanner.Analysis;
using SchemaPlanner.Errors;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Snapshots;

namespace SchemaPlanner.Tool.Commands;

/// <summary>
/// Decides whether generated plans cover the change set: some plan.json under the migrations folder goes from
/// the current schema's fingerprint to the desired one's, or a chain of plans does.
/// </summary>
internal static class PlanCoverage
{
    /// <summary>
    /// The plan folders of a covering chain, in order; null when none covers the change set. A plan in
    /// <paramref name="started"/> (fingerprints of plans with history rows in the database: being applied) starts
    /// from wherever the database is now, so a half-applied plan still covers what it plans.
    /// </summary>
    public static IReadOnlyList<string>? Find(string migrationsFolder, SchemaAnalysis analysis, IReadOnlySet<string> started)
    {
        var from = SchemaFingerprint.Of(analysis.Current.Schema.Model);
        var to = SchemaFingerprint.Of(analysis.Desired.Schema.Model);
        if (from == to)
        {
            return null;
        }

        if (!Directory.Exists(migrationsFolder))
        {
            return null;
        }

        var edges = new List<(string From, string To, string Folder)>();
        foreach (var file in Directory.EnumerateFiles(migrationsFolder, "plan.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                using var document = JsonDocument.Parse(bytes);
                var fingerprints = document.RootElement.GetProperty("fingerprints");
                var start = started.Contains(FileChecksum.Of(bytes)) ? from : fingerprints.GetProperty("from").GetString()!;
                edges.Add((start, fingerprints.GetProperty("to").GetString()!, Path.GetDirectoryName(file)!));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{file}: not a SchemaPlanner plan.json ({ex.Message.Split('\n')[0]})");
            }
        }

        // Breadth-first search for a chain of plans from the current fingerprint to the desired one.
        var queue = new Queue<(string Node, List<string> Path)>();
        queue.Enqueue((from, []));
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        while (queue.Count > 0)
        {
            var (node, path) = queue.Dequeue();
            foreach (var edge in edges.Where(e => e.From == node))
            {
                var next = new List<string>(path) { edge.Folder };
                if (edge.To == to)
                {
                    return next;
                }

                if (seen.Add(edge.To))
                {
                    queue.Enqueue((edge.To, next));
                }
            }
        }

        return null;
    }
}
