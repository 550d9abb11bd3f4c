using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// The plain DDL for a change: what a plain diff tool emits to apply it as-is, with no zero-downtime care (no
/// <c>CONCURRENTLY</c>, no <c>lock_timeout</c>, <c>NOT VALID</c> only when the desired constraint is not valid).
/// The safe plans are built elsewhere; this is the reference they are checked against and the fallback for
/// changes that are safe as they are.
/// </summary>
/// <remarks>
/// <para>
/// Each string is exactly one statement, <b>without</b> a trailing semicolon, possibly spanning several lines
/// (LF). Run them in order, one at a time, on one session, and in autocommit mode: <c>ALTER TYPE … ADD VALUE</c>
/// labels cannot be used in the transaction that adds them.
/// </para>
/// <para>
/// <see cref="CreateFunction"/> and <see cref="ReplaceFunction"/> start with <c>SET check_function_bodies =
/// off</c> as a statement of their own, so a function can be created before the tables and views its body
/// names (functions are created before tables). It changes that setting for the rest of the session, as
/// <c>pg_dump</c> output does.
/// </para>
/// <para>
/// Some changes rewrite objects other than their own and need both models to find them: <see cref="ReplaceEnum"/>,
/// <see cref="ReplaceCollation"/> and a domain whose base type changes (columns using the type are moved to
/// the new one), and an <see cref="AlterTable"/> whose partition key changes. The overload without models
/// throws for those; for the rest the models only sharpen the output (<c>USING col::text::type</c> for enum
/// casts, inherited columns not repeated, <c>ONLY</c> where a child keeps a column its parent drops).
/// </para>
/// <para>
/// A partition-key change (regular ↔ partitioned, or a different key) has no in-place DDL. It becomes a
/// rebuild: incoming foreign keys and serial sequences are detached, the table and its indexes are renamed
/// away, the table is created again from its desired definition (columns, checks, keys) with its new
/// partitions, the rows are copied with <c>INSERT … SELECT</c> (so they must fit those partitions),
/// identity sequences are moved past the copied values, the old table is dropped, and what was detached is
/// attached again, comments included. The differ follows it, as it follows a <see cref="CreateTable"/>, with
/// the table's foreign keys, indexes, triggers, policies and grants, and re-creates the views reading it.
/// </para>
/// <para>
/// The statements come from one generator per object kind (<c>Generators/</c>, found by
/// <see cref="DdlGenerators"/>); each also names the change that reverses its change, whose statements are the
/// down (<see cref="Down"/>). The generators hand each statement's data to its template (<see cref="ISqlStatement"/>),
/// written by the renderer this writer is made with, so a user's template overrides reach plain DDL too.
/// </para>
/// </remarks>
public sealed class DdlWriter(ISqlRenderer sql)
{
    /// <summary>The statements for one change, without the models (see remarks for the changes that need them).</summary>
    public IReadOnlyList<string> Statements(Change change) => Write(change, new DdlBuilder(null, null, sql));

    /// <summary>The statements for one change of the diff <paramref name="from"/> → <paramref name="to"/>.</summary>
    public IReadOnlyList<string> Statements(Change change, SchemaModel from, SchemaModel to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Write(change, new DdlBuilder(from, to, sql));
    }

    /// <summary>The statements for all <paramref name="changes"/>, in order (the whole plain migration script).</summary>
    public IReadOnlyList<string> Statements(IEnumerable<Change> changes, SchemaModel from, SchemaModel to)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.SelectMany(change => Write(change, new DdlBuilder(from, to, sql))).ToList();
    }

    /// <summary>The change that undoes <paramref name="change"/>, or why nothing can.</summary>
    public static ChangeReverse Reverse(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DdlGenerators.For(change).Reverse(change);
    }

    /// <summary>
    /// The down of a change of the diff <paramref name="from"/> → <paramref name="to"/>: the statements of its
    /// reverse, applied to <paramref name="to"/> to get back to <paramref name="from"/>; or null statements and
    /// the reason it cannot be undone.
    /// </summary>
    public (IReadOnlyList<string>? Statements, string? Irreversible) Down(Change change, SchemaModel from, SchemaModel to)
    {
        var reverse = Reverse(change);
        return reverse.Inverse is { } inverse ? (Statements(inverse, to, from), null) : (null, reverse.Irreversible);
    }

    private static IReadOnlyList<string> Write(Change change, DdlBuilder ddl)
    {
        ArgumentNullException.ThrowIfNull(change);
        DdlGenerators.For(change).Up(change, ddl);
        return ddl.Statements;
    }
}
