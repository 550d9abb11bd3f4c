using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// The whole classification pipeline on real PostgreSQL: the old and new schemas are created as databases, read
/// back, diffed and classified with the old database's version and statistics.
/// </summary>
internal static class LiveDiff
{
    public static async Task<LiveResult> ClassifyAsync(string oldSql, string newSql, PlannerSettings? settings = null)
    {
        var server = await PostgresServer.GetAsync();
        await using var oldDatabase = await server.CreateDatabaseAsync(oldSql);
        await using var newDatabase = await server.CreateDatabaseAsync(newSql);
        var from = await SchemaReader.ReadAsync(oldDatabase.ConnectionString, CancellationToken.None);
        var to = await SchemaReader.ReadAsync(newDatabase.ConnectionString, CancellationToken.None);
        var diff = SchemaDiffer.Diff(from.Model, to.Model);
        var context = ClassificationContext.Create(from.Model, to.Model, diff.Changes, from.Server?.VersionNumber, from.Statistics, settings ?? new PlannerSettings());
        return new LiveResult(from, Classifier.Classify(diff.Changes, context, allow: []));
    }
}
