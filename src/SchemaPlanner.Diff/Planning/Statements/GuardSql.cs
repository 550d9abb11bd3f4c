using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>
/// What makes a step re-runnable: <c>sql/statements/guard/*.sbn</c>. <see cref="UnlessDone"/> is a statement; the
/// others are the SQL conditions it and the swap templates test (<c>Negated</c> puts NOT before them).
/// </summary>
public static class GuardSql
{
    /// <summary>The table has a live column of that name.</summary>
    public sealed record ColumnExists(QualifiedName Table, string Column, bool Negated = false) : ISqlStatement;

    /// <summary>A constraint of that name exists on the table.</summary>
    public sealed record ConstraintExists(QualifiedName Table, string Name, bool Negated = false) : ISqlStatement;

    /// <summary>A relation of that name exists (<c>to_regclass</c>).</summary>
    public sealed record RelationExists(QualifiedName Name) : ISqlStatement;

    /// <summary>The index of that name is a partition of a partitioned index (attached to its parent's).</summary>
    public sealed record IndexAttached(QualifiedName Index, bool Negated = false) : ISqlStatement;

    /// <summary>The name is that of a table (plain or partitioned), not a view.</summary>
    public sealed record TableExists(QualifiedName Name, bool Negated = false) : ISqlStatement;

    /// <summary>
    /// Statements with no IF [NOT] EXISTS form (ADD CONSTRAINT … USING INDEX, RENAME) in a DO block that skips them
    /// once <c>Done</c> (a condition) holds.
    /// </summary>
    public sealed record UnlessDone(string Done, IReadOnlyList<string> Statements) : ISqlStatement;
}
