using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// A schema read from a source, with a description of the source (never a password) and, for SQL sources,
/// the statements it was built from (to point diagnostics at files and lines).
/// </summary>
public sealed record LoadedSchema(DatabaseSchema Schema, string Description, IReadOnlyList<SqlStatement> Statements);
