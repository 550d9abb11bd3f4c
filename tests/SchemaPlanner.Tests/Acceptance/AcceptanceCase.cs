using SchemaPlanner.Tests.Infrastructure;
using System.Text.Json;
using SchemaPlanner.Configuration;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// One folder under <c>Acceptance/Cases/</c>: <c>old.sql</c> (schema and seed rows), <c>new.sql</c>, optional
/// <c>schemaplan.json</c>, <c>expected.json</c> (verdicts), optional <c>assertions.sql</c>, <c>app-old.sql</c> and
/// <c>app-new.sql</c>. See Cases/README.md.
/// </summary>
internal sealed record AcceptanceCase(string Name, string Folder)
{
    public const string UpdateGoldenVariable = "SCHEMAPLAN_UPDATE_GOLDEN";

    public string OldSqlPath => Path.Combine(Folder, "old.sql");

    public string NewSqlPath => Path.Combine(Folder, "new.sql");

    public string ExpectedPath => Path.Combine(Folder, "expected.json");

    /// <summary>The generated SQL files, as <c>plan</c> writes them (golden files).</summary>
    public string ExpectedFilesFolder => Path.Combine(Folder, "expected");

    public static bool UpdateGolden => Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1";

    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(RepositoryPaths.CasesRoot())
            .Where(d => File.Exists(Path.Combine(d, "old.sql")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public static AcceptanceCase Load(string name) => new(name, Path.Combine(RepositoryPaths.CasesRoot(), name));

    public string? Optional(string file)
    {
        var path = Path.Combine(Folder, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>
    /// The case's schemaplan.json. Verdicts must not depend on how many seed rows a case has or on whether
    /// autovacuum has analysed the table yet, so unless the case sets <c>smallTableRows</c> itself every table
    /// counts as large (threshold 0).
    /// </summary>
    public SchemaPlannerConfig Config()
    {
        var path = Path.Combine(Folder, SchemaPlannerConfig.FileName);
        if (!File.Exists(path))
        {
            return SchemaPlannerConfig.Empty with { Settings = SchemaPlannerConfig.Empty.Settings with { SmallTableRows = 0 } };
        }

        var json = File.ReadAllText(path);
        var config = SchemaPlannerConfig.Parse(json, path);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("smallTableRows", out _)
            ? config
            : config with { Settings = config.Settings with { SmallTableRows = 0 } };
    }
}
