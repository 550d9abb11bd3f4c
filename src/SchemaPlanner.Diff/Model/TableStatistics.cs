namespace SchemaPlanner.Model;

/// <summary>Planner statistics of a table: <c>pg_class.reltuples</c> (−1 when never analysed) and its size in bytes.</summary>
public sealed record TableStatistics(QualifiedName Table, long EstimatedRows, long SizeBytes);
