using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Statements;

/// <summary>
/// Column statements: <c>sql/statements/column/*.sbn</c>. <c>Only</c> writes <c>ALTER TABLE ONLY</c> (the table,
/// not its inheritance children or partitions). Names are raw; the templates quote them.
/// </summary>
public static class ColumnSql
{
    /// <summary><c>ADD COLUMN definition</c> (the column's name, type and clauses, already written).</summary>
    public sealed record Add(QualifiedName Table, string Definition, bool IfNotExists = false) : ISqlStatement;

    public sealed record Drop(QualifiedName Table, string Column, bool Only = false, bool IfExists = false) : ISqlStatement;

    public sealed record Rename(QualifiedName Table, string Column, string NewName) : ISqlStatement;

    /// <summary><c>ALTER COLUMN … TYPE type [COLLATE collation] [USING expression]</c>.</summary>
    public sealed record SetType(QualifiedName Table, string Column, string Type, string? Collation = null, string? Using = null) : ISqlStatement;

    public sealed record SetDefault(QualifiedName Table, string Column, string Default, bool Only = false) : ISqlStatement;

    public sealed record DropDefault(QualifiedName Table, string Column, bool Only = false) : ISqlStatement;

    public sealed record SetNotNull(QualifiedName Table, string Column) : ISqlStatement;

    public sealed record DropNotNull(QualifiedName Table, string Column) : ISqlStatement;

    /// <summary>A generated column becomes a plain one, keeping its values.</summary>
    public sealed record DropExpression(QualifiedName Table, string Column) : ISqlStatement;

    /// <summary>
    /// A DO block making an existing NOT NULL column an identity (catalog-only, no rewrite) unless it is one already:
    /// <c>ADD GENERATED ALWAYS|BY DEFAULT AS IDENTITY</c> (<c>Always</c> picks which) with <c>Options</c> (null: the
    /// type's defaults), the old default dropped first when <c>DropDefault</c>. Its sequence starts at its start:
    /// follow it with <see cref="IdentityPastValues"/>.
    /// </summary>
    public sealed record AddIdentity(QualifiedName Table, string Column, bool Always, IdentityOptions? Options = null, bool DropDefault = false) : ISqlStatement;

    /// <summary>
    /// A DO block moving an identity column's sequence past max(column) (min for a negative increment), read when
    /// it runs under a SHARE ROW EXCLUSIVE lock, never backwards: the next value the database hands out is past
    /// every value in the column, explicit ones included.
    /// </summary>
    public sealed record IdentityPastValues(QualifiedName Table, string Column) : ISqlStatement;

    /// <summary><c>SET START WITH … SET INCREMENT BY … SET MINVALUE … SET MAXVALUE … SET CACHE … SET [NO] CYCLE</c> on an identity column.</summary>
    public sealed record SetIdentityOptions(QualifiedName Table, string Column, IdentityOptions Options) : ISqlStatement;

    /// <summary>
    /// A DO block that turns a column filled from a helper sequence into an identity (unless it is one already):
    /// drops the default, adds the identity (with <c>Options</c>, null: the type's defaults) and moves its sequence past the helper's last value.
    /// </summary>
    public sealed record IdentityFromHelper(QualifiedName Table, string Column, bool Always, QualifiedName Helper, IdentityOptions? Options = null) : ISqlStatement;

    /// <summary>
    /// The reverse of <see cref="IdentityFromHelper"/>, a DO block: the helper sequence (of <c>Type</c>) again, past the
    /// identity's last value, the identity dropped and the helper's <c>nextval</c> as the default.
    /// </summary>
    public sealed record IdentityToHelper(QualifiedName Table, string Column, QualifiedName Helper, string Type) : ISqlStatement;

    /// <summary>
    /// A DO block moving an identity from <c>Source</c> to <c>Target</c>, keeping its sequence's name, position,
    /// increment, cache and cycle; the source loses identity and NOT NULL.
    /// </summary>
    public sealed record MoveIdentity(QualifiedName Table, string Source, string Target, bool Always) : ISqlStatement;

    /// <summary><c>SET GENERATED ALWAYS|BY DEFAULT</c> on an identity column.</summary>
    public sealed record SetIdentity(QualifiedName Table, string Column, bool Always) : ISqlStatement;

    public sealed record DropIdentity(QualifiedName Table, string Column, bool IfExists = false) : ISqlStatement;
}
