using System.Text.Json;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning;

/// <summary>
/// The exact schemaplan.json <c>allow</c> entries that let a refused change through as-is (one per blocking rule),
/// so every refusal can say what to paste rather than "accept the hazard".
/// </summary>
public static class AllowSuggestion
{
    public static string For(ClassifiedChange change)
    {
        var rules = change.Hazards.Where(h => h.Blocks).Select(h => h.Rule).Distinct(StringComparer.Ordinal).ToList();
        if (rules.Count == 0)
        {
            return "nothing in \"allow\" applies: the change is safe, only its \"using\" hint asks for a backfill (remove the hint to add the column as-is)";
        }

        var entries = rules.Select(r => $"{{ \"rule\": \"{r}\", \"object\": {JsonSerializer.Serialize(change.Change.Object)}, \"reason\": \"...\" }}");
        return $"\"allow\": [ {string.Join(", ", entries)} ]";
    }
}
