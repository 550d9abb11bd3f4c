using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/create-index-concurrently</c>: drop an INVALID leftover of an earlier failed run, then build
/// with <c>CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS</c>.
/// </summary>
public sealed record ConcurrentIndexData(QualifiedName Index, string CreateStatement);
