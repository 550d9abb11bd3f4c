namespace SchemaPlanner.Templates;

/// <summary>What a runner layout's file template reads: where the step sits in the plan, its source file, how it runs, its SQL.</summary>
internal sealed record LayoutFileView(string Position, string Source, bool Transactional, string Sql);
