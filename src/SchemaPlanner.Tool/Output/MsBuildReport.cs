using SchemaPlanner.Analysis;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Tool.Output;

/// <summary>
/// Canonical MSBuild/IDE diagnostics: <c>path(line,col): error SPxxxx: message</c>. Blocking hazards are errors;
/// warnings and allowed hazards are warnings. Only changes with hazards are printed.
/// </summary>
internal static class MsBuildReport
{
    public static void Write(SchemaAnalysis analysis, TextWriter output, Func<ClassifiedChange, bool>? covered = null)
    {
        foreach (var item in analysis.Changes)
        {
            var isCovered = covered?.Invoke(item) ?? false;
            foreach (var hazard in item.Hazards)
            {
                var origin = item.Location is { } l ? $"{Path.GetFullPath(l.File)}({l.Line},{l.Column})" : "schemaplan";
                var level = hazard.Blocks && !isCovered ? "error" : "warning";
                var note = hazard.Allowed ? $" (allowed: {hazard.AllowedBecause})" : isCovered && hazard.Blocks ? " (covered by a plan)" : "";
                output.Write($"{origin}: {level} {hazard.Rule}: {hazard.Message}; plan it with recipe {hazard.Recipe}{note}\n");
            }
        }
    }
}
