namespace SchemaPlanner.Planning.Templates;

/// <summary>A primary-key column used for keyset batches, with its SQL type.</summary>
public sealed record KeyColumn(string Name, string Type);
