using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Templates;

/// <summary>What <c>sql/irreversible.sbn</c> sees: the down file of a step that cannot be undone.</summary>
internal sealed record IrreversibleData(string Title, string Reason) : ITemplateData;
