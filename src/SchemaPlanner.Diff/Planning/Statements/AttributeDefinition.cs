namespace SchemaPlanner.Planning.Statements;

/// <summary>An attribute written inside <c>CREATE TYPE … AS (…)</c>: raw name, type and collation as the model holds them.</summary>
public sealed record AttributeDefinition(string Name, string Type, string? Collation);
