namespace SchemaPlanner.Planning.Templates;

/// <summary>A condition that must hold (a SQL boolean expression) and what to say when it does not.</summary>
public sealed record VerifyCheck(string Condition, string Failure);
