using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Execution;

/// <summary>
/// What a rehearsal proves: the plan's steps, from the current to the desired schema, for these changes and hints;
/// <paramref name="Sql"/> writes the DDL that rebuilds the current schema on the scratch database.
/// </summary>
public sealed record RehearsalInput(
    SchemaModel Current,
    SchemaModel Desired,
    IReadOnlyList<Change> Changes,
    SchemaPlannerConfig Config,
    IReadOnlyList<ExecutableStep> Steps,
    ISqlRenderer Sql);
