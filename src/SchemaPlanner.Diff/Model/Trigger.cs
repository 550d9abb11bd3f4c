namespace SchemaPlanner.Model;

/// <summary>A trigger on a table or view; <paramref name="Definition"/> is <c>pg_get_triggerdef</c>.</summary>
public sealed record Trigger(string Name, string Definition, string Enabled);
