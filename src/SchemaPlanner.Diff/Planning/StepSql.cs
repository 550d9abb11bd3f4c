using SchemaPlanner.Planning.Templates;

namespace SchemaPlanner.Planning;

/// <summary>
/// What a step runs, before rendering: the typed data of one SQL template. The record's type picks the template
/// (<c>SchemaPlanner.Templates.SqlTemplates</c>: <see cref="BackfillData"/> renders <c>sql/backfill.sbn</c>, …), so
/// no step names a template by a string.
/// </summary>
public sealed record StepSql(ITemplateData Data);
