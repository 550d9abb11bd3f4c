namespace SchemaPlanner.Planning.Templates;

/// <summary><c>column := expression</c>, the expression written over the row's columns (unqualified names).</summary>
public sealed record Assignment(string Column, string Expression);
