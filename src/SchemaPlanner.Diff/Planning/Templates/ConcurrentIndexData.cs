using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/create-index-concurrently</c>: drop an INVALID leftover of an earlier failed run, then build
/// with <c>CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS</c>.
/// </summary>
public sealed record ConcurrentIndexData(QualifiedName Index, string CreateStatement) : ITemplateData
{
    /// <summary>
    /// For dropping an INVALID leftover first: a plain DROP INDEX (CONCURRENTLY cannot run inside the check's DO
    /// block) takes ACCESS EXCLUSIVE on the table, so it must not queue behind other locks.
    /// </summary>
    public string CleanupLockTimeout { get; init; } = new Configuration.PlannerSettings().LockTimeout;
}
