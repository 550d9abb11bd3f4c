using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>Hand-written plan steps (plain SQL), in the form the rehearsal runs the rendered files.</summary>
internal static class Steps
{
    public static ExecutableStep Up(int release, Phase phase, string file, string up, string down = "", bool transactional = true, string? lockTimeout = "2s") =>
        new(release, phase, transactional, file, up, file.Replace(".sql", ".down.sql", StringComparison.Ordinal), down, Reversible: down.Length > 0, lockTimeout);

    /// <summary>The correct plan for <see cref="ShopSchemas"/>: expand, then the index once the new version is live.</summary>
    public static IReadOnlyList<ExecutableStep> Correct() =>
    [
        Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes, ShopSchemas.DropNotes),
        Up(1, Phase.PostDeploy, "002_orders_status_idx.sql", ShopSchemas.CreateIndex, ShopSchemas.DropIndex, transactional: false),
    ];
}
