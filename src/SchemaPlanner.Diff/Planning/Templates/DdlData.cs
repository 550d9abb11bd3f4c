namespace SchemaPlanner.Planning.Templates;

/// <summary>Data for <c>sql/ddl</c>: plain statements (no trailing semicolons), run in order.</summary>
public sealed record DdlData(IReadOnlyList<string> Statements) : ITemplateData;
