namespace SchemaPlanner.Planning;

/// <summary>
/// What a step runs, before rendering: the name of the template that writes the SQL (see
/// <c>SchemaPlanner.Templates/Templates/sql/</c>) and the typed data handed to it.
/// </summary>
public sealed record StepSql(string Template, object Data);
