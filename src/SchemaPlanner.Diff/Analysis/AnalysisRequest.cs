using SchemaPlanner.Configuration;

namespace SchemaPlanner.Analysis;

/// <summary>
/// What to compare: the current schema (usually the live database), the desired one, the config, where scratch
/// databases may be made, an optional PostgreSQL version override for classification, and which DbContext to
/// use when a side is an EF Core project.
/// </summary>
public sealed record AnalysisRequest(
    string Current,
    string Desired,
    SchemaPlannerConfig Config,
    string? DevDatabase,
    int? PgVersionNumber = null,
    EfCoreSelection? EfCore = null);
