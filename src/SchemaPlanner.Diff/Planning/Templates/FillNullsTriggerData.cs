using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// Data for <c>sql/fill-nulls-trigger</c>: a BEFORE INSERT OR UPDATE row trigger that replaces a NULL in
/// <see cref="Column"/> by <see cref="Expression"/> (over the row) while the column is on its way to NOT NULL.
/// </summary>
public sealed record FillNullsTriggerData(QualifiedName Table, string Function, string Trigger, string Column, string Expression) : ITemplateData
{
    public QualifiedName FunctionName => new(Table.Schema, Function);
}
