namespace SchemaPlanner.Templates;

internal sealed record HazardView(string Rule, string Kind, string Message);
