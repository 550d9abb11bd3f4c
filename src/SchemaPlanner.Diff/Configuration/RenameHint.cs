using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>{ "rename": "public.posts", "to": "articles" }</c> (a table) or
/// <c>{ "rename": "public.articles.text", "to": "body" }</c> (a column, when <see cref="Column"/> is set).
/// </summary>
public sealed record RenameHint(QualifiedName Table, string? Column, string To)
{
    /// <summary>Where the hint was written (<c>schemaplan.json: hints[0]</c>), for error messages.</summary>
    public string Where { get; init; } = "hint";

    /// <summary>The hint as written, compact JSON, for error messages.</summary>
    public string Json { get; init; } = "";

    public override string ToString() => $"{Where} {Json}".TrimEnd();
}
