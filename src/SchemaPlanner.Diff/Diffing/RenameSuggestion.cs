namespace SchemaPlanner.Diffing;

/// <summary>
/// A drop and an add that look like a rename. Renames are never guessed; this says which hint
/// (<see cref="Hint"/>, a JSON object for schemaplan.json) would make them one.
/// </summary>
public sealed record RenameSuggestion(string Dropped, string Added, string Hint);
