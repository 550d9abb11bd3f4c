namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/swap</c>: one transaction that drops a sync trigger, runs statements (renames, defaults, view
/// re-creation) and installs another sync trigger, so no write slips between the two triggers. With
/// <see cref="Done"/> (a SQL condition that holds once the swap ran) a second run does nothing.
/// </summary>
public sealed record SwapData(DropSyncTriggerData? DropSync, IReadOnlyList<string> Statements, SyncTriggerData? CreateSync, string? Done = null) : ITemplateData;
