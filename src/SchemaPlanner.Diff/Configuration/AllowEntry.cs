namespace SchemaPlanner.Configuration;

/// <summary>A hazard accepted deliberately: <c>{ "rule": "SP…", "object": "…", "reason": "…" }</c>.</summary>
public sealed record AllowEntry(string Rule, string Object, string Reason);
