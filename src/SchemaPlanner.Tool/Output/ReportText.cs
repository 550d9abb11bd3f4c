using SchemaPlanner.Safety;

namespace SchemaPlanner.Tool.Output;

/// <summary>Wording shared by the reports.</summary>
internal static class ReportText
{
    public const string DocsBaseUrl = "https://github.com/schemaplanner/schemaplanner/blob/main/docs/rules/";

    public static string DocsUrl(string rule) => (Environment.GetEnvironmentVariable("SCHEMAPLAN_DOCS_URL") ?? DocsBaseUrl) + rule + ".md";

    public static string Kind(HazardKind kind) => kind switch
    {
        HazardKind.Lock => "lock",
        HazardKind.Rewrite => "rewrite",
        HazardKind.Scan => "scan",
        HazardKind.BreaksRunningApp => "breaks running app",
        HazardKind.DataLoss => "data loss",
        HazardKind.MayFail => "may fail on existing rows",
        HazardKind.IndexBuild => "index build",
        HazardKind.NonTransactional => "not in a transaction",
        HazardKind.NoOnlinePath => "no online path",
        _ => kind.ToString(),
    };

    public static string JsonKind(HazardKind kind) => kind switch
    {
        HazardKind.Lock => "lock",
        HazardKind.Rewrite => "rewrite",
        HazardKind.Scan => "scan",
        HazardKind.BreaksRunningApp => "breaks_running_app",
        HazardKind.DataLoss => "data_loss",
        HazardKind.MayFail => "may_fail",
        HazardKind.IndexBuild => "index_build",
        HazardKind.NonTransactional => "non_transactional",
        HazardKind.NoOnlinePath => "no_online_path",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>One line for a hazard: "SP2004 breaks running app: … → rename-column-with-sync".</summary>
    public static string Line(Hazard hazard) =>
        $"{hazard.Rule} {Kind(hazard.Kind)}{(hazard.Lock is null ? "" : " (" + hazard.Lock + ")")}: {hazard.Message} -> recipe {hazard.Recipe}"
        + (hazard.Allowed ? $" [allowed: {hazard.AllowedBecause}]" : hazard.Severity == Severity.Warning ? " [warning]" : "");
}
