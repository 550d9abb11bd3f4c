using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>{ "copy": "public.users", "into": "public.user_phones", "columns": { "user_id": "id", "phone": "phone" },
/// "where": "phone IS NOT NULL" }</c>: a new table's rows come from an existing one (data moving to a new table
/// whose source column is dropped later). Each <see cref="Columns"/> entry is a target column and a SQL expression
/// over the source row; <see cref="Where"/> picks the source rows that have a target row.
/// </summary>
public sealed record CopyHint(QualifiedName Source, QualifiedName Target, IReadOnlyList<KeyValuePair<string, string>> Columns, string? Filter)
{
    /// <summary>Where the hint was written (<c>schemaplan.json: hints[3]</c>), for error messages.</summary>
    public string Where { get; init; } = "hint";

    /// <summary>The hint as written, compact JSON, for error messages.</summary>
    public string Json { get; init; } = "";

    public override string ToString() => $"{Where} {Json}".TrimEnd();
}
