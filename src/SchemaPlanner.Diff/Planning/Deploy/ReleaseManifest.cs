namespace SchemaPlanner.Planning.Deploy;

/// <summary>One release of a written plan: its APP.md and what the application release must do.</summary>
public sealed record ReleaseManifest(int Number, string App, IReadOnlyList<string> Instructions);
