using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>{ "column": "public.users.name", "using": "split_part(\"user\", ' ', 1)" }</c>: a SQL expression over the
/// row that computes the column (backfill, sync trigger, type conversion, NULLs filled before SET NOT NULL).
/// </summary>
public sealed record ColumnHint(QualifiedName Table, string Column, string Using)
{
    /// <summary>Where the hint was written (<c>schemaplan.json: hints[2]</c>), for error messages.</summary>
    public string Where { get; init; } = "hint";

    /// <summary>The hint as written, compact JSON, for error messages.</summary>
    public string Json { get; init; } = "";

    public override string ToString() => $"{Where} {Json}".TrimEnd();
}
