namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/swap-tables</c>: one transaction that swaps shadow columns into place on one or more tables.
/// It does nothing when <see cref="Done"/> (a SQL boolean) is already true, so a second run cannot swap back; it
/// takes <see cref="Locks"/> first (in that order, parent tables before child tables), drops the sync triggers,
/// runs <see cref="Statements"/> (constraints, renames, sequences, defaults, views) and installs the triggers
/// that keep the retired columns filled, so no write slips between the two sets of triggers.
/// </summary>
public sealed record SwapTablesData(
    string Done,
    string Skipped,
    IReadOnlyList<string> Locks,
    IReadOnlyList<DropSyncTriggerData> DropSyncs,
    IReadOnlyList<string> Statements,
    IReadOnlyList<SyncTriggerData> CreateSyncs) : ITemplateData;
