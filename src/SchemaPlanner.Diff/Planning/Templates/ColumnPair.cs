namespace SchemaPlanner.Planning.Templates;

/// <summary>A column of a copy's target table and the source column it is copied from unchanged.</summary>
public sealed record ColumnPair(string Source, string Target);
