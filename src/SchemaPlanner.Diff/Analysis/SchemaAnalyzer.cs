using SchemaPlanner.Diffing;
using SchemaPlanner.Safety;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Analysis;

/// <summary>The pipeline up to classification: load both sources → diff → classify (with DDL locations).</summary>
public static class SchemaAnalyzer
{
    public static async Task<SchemaAnalysis> AnalyzeAsync(AnalysisRequest request, ScratchServer scratch, CancellationToken cancellationToken)
    {
        var current = await SchemaSources.LoadAsync(request.Current, scratch, cancellationToken).ConfigureAwait(false);
        var desired = await SchemaSources.LoadAsync(request.Desired, scratch, cancellationToken).ConfigureAwait(false);
        return Analyze(current, desired, request);
    }

    public static SchemaAnalysis Analyze(LoadedSchema current, LoadedSchema desired, AnalysisRequest request)
    {
        var diff = SchemaDiffer.Diff(current.Schema.Model, desired.Schema.Model, request.Config.Renames);
        var context = ClassificationContext.Create(
            current.Schema.Model,
            desired.Schema.Model,
            diff.Changes,
            request.PgVersionNumber ?? current.Schema.Server?.VersionNumber,
            current.Schema.Statistics.ToList(),
            request.Config.Settings);
        var locator = new ChangeLocator(desired.Statements);
        var classified = Classifier.Classify(diff.Changes, context, request.Config.Allow, locator.Locate);
        return new SchemaAnalysis(current, desired, diff, context, classified);
    }
}
