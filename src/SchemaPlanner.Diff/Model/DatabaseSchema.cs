namespace SchemaPlanner.Model;

/// <summary>
/// What a source yields: the model, and beside it (not inside it) the server and the tables' statistics.
/// Sources that have no server (a snapshot without them) carry null / empty.
/// </summary>
public sealed record DatabaseSchema(SchemaModel Model, ServerInfo? Server, EquatableArray<TableStatistics> Statistics)
{
    public TableStatistics? StatisticsOf(QualifiedName table) => Statistics.FirstOrDefault(s => s.Table == table);
}
