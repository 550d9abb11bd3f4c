using SchemaPlanner.Planning;

namespace SchemaPlanner.Templates;

/// <summary>A step with its files: <c>release-N/&lt;phase&gt;/NNN_name.up.sql</c> and <c>.down.sql</c>, and their text.</summary>
public sealed record RenderedStep(PlanStep Step, string UpPath, string DownPath, string Up, string Down);
