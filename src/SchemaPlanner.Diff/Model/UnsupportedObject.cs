namespace SchemaPlanner.Model;

/// <summary>An object the model does not cover (e.g. an operator or a foreign table): reported, never dropped.</summary>
public sealed record UnsupportedObject(string Kind, string Name);
