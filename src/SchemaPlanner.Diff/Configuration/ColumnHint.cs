using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>{ "column": "public.users.name", "using": "split_part(\"user\", ' ', 1)" }</c>: a SQL expression over the
/// row that computes the column (backfill, sync trigger, type conversion).
/// </summary>
public sealed record ColumnHint(QualifiedName Table, string Column, string Using);
