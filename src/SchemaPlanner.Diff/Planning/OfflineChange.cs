using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning;

/// <summary>A change with no online path: the plan includes an offline runbook for it.</summary>
public sealed record OfflineChange(Change Change, string Reason, string Downtime);
