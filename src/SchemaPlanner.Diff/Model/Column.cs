namespace SchemaPlanner.Model;

/// <summary>
/// A table column. <paramref name="Type"/> is <c>format_type</c> output with modifiers
/// (<c>character varying(20)</c>); <paramref name="TypeName"/> names the base type for lookups (enums,
/// domains). <paramref name="DefaultVolatility"/> is derived from <c>pg_proc.provolatile</c> of the
/// functions the default calls, never from its text. <paramref name="IdentityOptions"/> are the identity
/// sequence's options when they are not the defaults for the type.
/// </summary>
public sealed record Column(
    string Name,
    string Type,
    QualifiedName TypeName,
    string? Collation,
    bool NotNull,
    string? Default,
    Volatility? DefaultVolatility,
    IdentityKind Identity,
    string? Generated,
    IdentityOptions? IdentityOptions = null);
