using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>Data for <c>sql/drop-index-concurrently</c>.</summary>
public sealed record DropIndexData(QualifiedName Index) : ITemplateData;
