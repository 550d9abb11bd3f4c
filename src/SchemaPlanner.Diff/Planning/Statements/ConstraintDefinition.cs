namespace SchemaPlanner.Planning.Statements;

/// <summary>A named constraint written inside another statement (a table's or a domain's <c>CONSTRAINT name definition</c>).</summary>
public sealed record ConstraintDefinition(string Name, string Definition);
