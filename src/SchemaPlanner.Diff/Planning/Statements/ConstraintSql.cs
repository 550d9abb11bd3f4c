using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>Table constraint statements: <c>sql/statements/constraint/*.sbn</c>.</summary>
public static class ConstraintSql
{
    /// <summary><c>ADD CONSTRAINT name definition [NOT VALID]</c> (the definition as <c>pg_get_constraintdef</c> writes it).</summary>
    public sealed record Add(QualifiedName Table, string Name, string Definition, bool NotValid = false) : ISqlStatement;

    /// <summary>A primary key or unique constraint over an index built beforehand: <c>ADD CONSTRAINT name UNIQUE USING INDEX index</c>.</summary>
    /// <param name="PrimaryKey">PRIMARY KEY rather than UNIQUE.</param>
    /// <param name="Deferrable">The deferrability clause (<c>DEFERRABLE INITIALLY DEFERRED</c>), or null.</param>
    public sealed record AddUsingIndex(QualifiedName Table, string Name, bool PrimaryKey, string Index, string? Deferrable = null) : ISqlStatement;

    /// <summary><c>ADD CONSTRAINT name PRIMARY KEY|UNIQUE (columns)</c>: on a partitioned table it adopts the partitions' constraints.</summary>
    /// <param name="Deferrable">The deferrability clause (<c>DEFERRABLE INITIALLY DEFERRED</c>), or null.</param>
    public sealed record AddKey(QualifiedName Table, string Name, bool PrimaryKey, IReadOnlyList<string> Columns, string? Deferrable = null) : ISqlStatement;

    /// <summary><c>ADD CONSTRAINT name CHECK (column IS NOT NULL) NOT VALID</c>: the helper check a scan-free SET NOT NULL relies on once validated.</summary>
    public sealed record AddNotNullCheck(QualifiedName Table, string Name, string Column) : ISqlStatement;

    /// <summary><c>ALTER TABLE [IF EXISTS] table DROP CONSTRAINT [IF EXISTS] name</c>: <c>TableIfExists</c> for a table that may be gone already.</summary>
    public sealed record Drop(QualifiedName Table, string Name, bool IfExists = false, bool TableIfExists = false) : ISqlStatement;

    public sealed record Rename(QualifiedName Table, string Name, string NewName) : ISqlStatement;

    /// <summary>Checks the rows against a <c>NOT VALID</c> constraint (a SHARE UPDATE EXCLUSIVE lock, writes go on).</summary>
    public sealed record Validate(QualifiedName Table, string Name) : ISqlStatement;
}
