using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>Data for <c>sql/drop-sync-trigger</c>.</summary>
public sealed record DropSyncTriggerData(QualifiedName Table, string Function, string Trigger) : ITemplateData
{
    public QualifiedName FunctionName => new(Table.Schema, Function);
}
