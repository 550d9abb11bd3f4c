using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Safety;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Analysis;

/// <summary>The pipeline up to classification: load both sources → diff → classify (with DDL locations).</summary>
public static class SchemaAnalyzer
{
    public static async Task<SchemaAnalysis> AnalyzeAsync(AnalysisRequest request, ScratchServer scratch, CancellationToken cancellationToken)
    {
        // Both sides are read at once: each is a single round trip the server answers on its own.
        var current = SchemaSources.LoadAsync(request.Current, scratch, cancellationToken, request.EfCore);
        var desired = SchemaSources.LoadAsync(request.Desired, scratch, cancellationToken, request.EfCore);
        await Task.WhenAll(current, desired).ConfigureAwait(false);
        return Analyze(await current.ConfigureAwait(false), await desired.ConfigureAwait(false), request);
    }

    public static SchemaAnalysis Analyze(LoadedSchema current, LoadedSchema desired, AnalysisRequest request)
    {
        HintCheck.Validate(request.Config, current.Schema.Model, desired.Schema.Model);
        var diff = SchemaDiffer.Diff(current.Schema.Model, desired.Schema.Model, request.Config.Renames);
        if (desired.Locations.Warning is { } warning)
        {
            diff = diff with { Warnings = [warning, .. diff.Warnings] };
        }

        var context = ClassificationContext.Create(
            current.Schema.Model,
            desired.Schema.Model,
            diff.Changes,
            request.PgVersionNumber ?? current.Schema.Server?.VersionNumber,
            current.Schema.Statistics.ToList(),
            request.Config.Settings);
        var locator = new ChangeLocator(desired.Locations);
        var classified = Classifier.Classify(diff.Changes, context, request.Config.Allow, locator.Locate);
        return new SchemaAnalysis(current, desired, diff, context, classified);
    }
}
