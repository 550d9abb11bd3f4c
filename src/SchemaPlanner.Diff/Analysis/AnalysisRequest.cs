using SchemaPlanner.Configuration;

namespace SchemaPlanner.Analysis;

/// <summary>
/// What to compare: the current schema (usually the live database), the desired one, the config, where scratch
/// databases may be made, and an optional PostgreSQL version override for classification.
/// </summary>
public sealed record AnalysisRequest(
    string Current,
    string Desired,
    SchemaPlannerConfig Config,
    string? DevDatabase,
    int? PgVersionNumber = null);
