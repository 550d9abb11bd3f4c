using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/sync-trigger</c>: a BEFORE INSERT OR UPDATE row trigger that keeps an old shape
/// (<see cref="OldColumns"/>, written by the app version still running) and a new shape (<see cref="NewColumns"/>)
/// in step. A write through the old shape runs <see cref="Forward"/> (new columns computed from the row);
/// a write through the new shape runs <see cref="Backward"/>. It assigns NEW only (no UPDATE), so it cannot
/// loop, and it stands aside while a backfill (setting <c>schemaplan.backfill</c>) runs.
/// </summary>
public sealed record SyncTriggerData(
    QualifiedName Table,
    string Function,
    string Trigger,
    IReadOnlyList<string> OldColumns,
    IReadOnlyList<string> NewColumns,
    IReadOnlyList<Assignment> Forward,
    IReadOnlyList<Assignment> Backward) : ITemplateData
{
    public QualifiedName FunctionName => new(Table.Schema, Function);

    /// <summary>
    /// Values for an insert that wrote neither shape (every old and new column NULL), applied before the sync:
    /// the old column's default, which the recipe moves into the trigger so that a NULL tells which shape the
    /// app wrote.
    /// </summary>
    public IReadOnlyList<Assignment> InsertDefaults { get; init; } = [];
}
