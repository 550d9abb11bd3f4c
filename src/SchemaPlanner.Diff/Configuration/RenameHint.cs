using SchemaPlanner.Model;

namespace SchemaPlanner.Configuration;

/// <summary>
/// <c>{ "rename": "public.posts", "to": "articles" }</c> (a table) or
/// <c>{ "rename": "public.articles.text", "to": "body" }</c> (a column, when <see cref="Column"/> is set).
/// </summary>
public sealed record RenameHint(QualifiedName Table, string? Column, string To);
