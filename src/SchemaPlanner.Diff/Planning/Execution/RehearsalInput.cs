using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Execution;

/// <summary>What a rehearsal proves: the plan's steps, from the current to the desired schema, for these changes and hints.</summary>
public sealed record RehearsalInput(
    SchemaModel Current,
    SchemaModel Desired,
    IReadOnlyList<Change> Changes,
    SchemaPlannerConfig Config,
    IReadOnlyList<ExecutableStep> Steps);
