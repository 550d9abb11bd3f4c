using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// A schema read from a source, with a description of the source (never a password) and, for SQL sources,
/// the statements it was built from and where each of its objects was made (to point diagnostics at files and lines).
/// </summary>
public sealed record LoadedSchema(DatabaseSchema Schema, string Description, IReadOnlyList<SqlStatement> Statements, DdlLocations? Locations = null)
{
    /// <summary>Where the objects of a SQL source were made; empty for other sources.</summary>
    public DdlLocations Locations { get; init; } = Locations ?? DdlLocations.Empty;
}
