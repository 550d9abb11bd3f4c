namespace SchemaPlanner.Model;

/// <summary>An installed extension. Objects it owns are not part of the model.</summary>
public sealed record Extension(string Name, string Schema, string Version);
