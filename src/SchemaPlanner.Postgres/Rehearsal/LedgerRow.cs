namespace SchemaPlanner.Rehearsal;

/// <summary>
/// What the rehearsal expects of one row: its key (as text, in the old key's column order), which app version
/// wrote it last and the values that version read back right after writing (a JSON object of its shape), who
/// inserted it (null for rows that were there before the plan), and whether it was deleted.
/// </summary>
internal sealed record LedgerRow(IReadOnlyList<string?> Key, AppVersion Writer, string Values, AppVersion? InsertedBy, bool Deleted);
