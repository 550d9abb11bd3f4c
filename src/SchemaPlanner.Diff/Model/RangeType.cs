namespace SchemaPlanner.Model;

/// <summary>
/// A range type (<c>CREATE TYPE r AS RANGE (…)</c>). Optional parts are null when PostgreSQL's default applies:
/// the subtype's default operator class and collation, no canonical or subtype-diff function, the multirange
/// name PostgreSQL derives (PostgreSQL 14 and newer).
/// </summary>
public sealed record RangeType(
    QualifiedName Name,
    string Subtype,
    QualifiedName SubtypeName,
    string? SubtypeOpClass,
    string? Collation,
    string? Canonical,
    string? SubtypeDiff,
    string? MultirangeName);
