using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaPlanner.Planning;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// expected.json: every change of the analysis in order, with its verdict (safe or not), the ids of every rule
/// that reported a hazard on it, and the recipe the plan follows for it.
/// </summary>
internal static class Verdicts
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NewLine = "\n",
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<Verdict> Of(MigrationPlan plan) =>
        plan.Changes.Zip(plan.ChangeRecipes)
            .Select(p => new Verdict(
                p.First.Change.Kind,
                p.First.Change.Object,
                p.First.Safe,
                p.First.Hazards.Select(h => h.Rule).Distinct().ToList(),
                p.Second))
            .ToList();

    public static string Serialize(IReadOnlyList<Verdict> verdicts) =>
        JsonSerializer.Serialize(new ExpectedFile(verdicts.ToList()), Options) + "\n";

    /// <summary>The file parsed and written back the canonical way, so that formatting never fails a comparison.</summary>
    public static string Canonical(string json) =>
        Serialize(JsonSerializer.Deserialize<ExpectedFile>(json, Options)?.Changes ?? throw new InvalidDataException("expected.json: no \"changes\""));

    public static void Write(string path, IReadOnlyList<Verdict> verdicts) =>
        File.WriteAllText(path, Serialize(verdicts), new UTF8Encoding(false));

    internal sealed record ExpectedFile(List<Verdict> Changes);
}

internal sealed record Verdict(string Kind, string Object, bool Safe, IReadOnlyList<string> Rules, string Recipe);
