using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Where the objects of the desired schema are declared in its SQL files, so that hazards and errors can point
/// at a line. Built by reading the statements in order: unqualified names take the first schema of the latest
/// <c>SET search_path</c> (or <c>set_config('search_path', ...)</c>) seen in any earlier statement, else
/// <c>public</c>; the first declaration of an object wins. Unnamed constraints and indexes are filed under the
/// name PostgreSQL would give them. Every lookup returns null when the object was not found.
/// </summary>
public sealed class DdlLocations
{
    internal Dictionary<string, SourceLocation> Files { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, SourceLocation> Schemas { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, SourceLocation> Extensions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<QualifiedName, SourceLocation> Tables { get; } = [];

    internal Dictionary<QualifiedName, SourceLocation> Views { get; } = [];

    internal Dictionary<QualifiedName, SourceLocation> Types { get; } = [];

    internal Dictionary<QualifiedName, SourceLocation> Sequences { get; } = [];

    internal Dictionary<QualifiedName, SourceLocation> Functions { get; } = [];

    /// <summary>Keyed by the table's schema and the index name (indexes live in their table's schema).</summary>
    internal Dictionary<QualifiedName, SourceLocation> Indexes { get; } = [];

    internal Dictionary<(QualifiedName Table, string Column), SourceLocation> Columns { get; } = [];

    /// <summary>Columns only mentioned by <c>ALTER TABLE ... ALTER COLUMN</c>: used when nothing declares them.</summary>
    internal Dictionary<(QualifiedName Table, string Column), SourceLocation> ColumnMentions { get; } = [];

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Constraints { get; } = [];

    /// <summary>Unnamed constraints written inside a column definition, by column and kind.</summary>
    internal Dictionary<(QualifiedName Table, string Column, ConstraintKind Kind), SourceLocation> ColumnConstraints { get; } = [];

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Triggers { get; } = [];

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Policies { get; } = [];

    internal Dictionary<string, SourceLocation> Comments { get; } = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="statements"/>, read in the order given (files in the order they are applied).</summary>
    public static DdlLocations Build(IEnumerable<SqlStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var locations = new DdlLocations();
        var parser = new DdlParser(locations);
        foreach (var statement in statements)
        {
            parser.Parse(statement);
        }

        return locations;
    }

    public SourceLocation? Schema(string name) => Schemas.GetValueOrDefault(name);

    public SourceLocation? Extension(string name) => Extensions.GetValueOrDefault(name);

    /// <summary>A table, partitioned table, partition or foreign table.</summary>
    public SourceLocation? Table(QualifiedName name) => Tables.GetValueOrDefault(name);

    /// <summary>A view or materialized view.</summary>
    public SourceLocation? View(QualifiedName name) => Views.GetValueOrDefault(name);

    /// <summary>A table, view or sequence: whichever declares <paramref name="name"/>.</summary>
    public SourceLocation? Relation(QualifiedName name) => Table(name) ?? View(name) ?? Sequence(name);

    /// <summary>An enum, composite, range, base type or domain.</summary>
    public SourceLocation? Type(QualifiedName name) => Types.GetValueOrDefault(name);

    /// <summary>A sequence, including the implicit one of a serial or identity column (at that column).</summary>
    public SourceLocation? Sequence(QualifiedName name) => Sequences.GetValueOrDefault(name);

    /// <summary>The first declared overload of a function, procedure or aggregate.</summary>
    public SourceLocation? Function(QualifiedName name) => Functions.GetValueOrDefault(name);

    /// <summary>An index (or the primary key, unique or exclusion constraint that made it) in <paramref name="schema"/>.</summary>
    public SourceLocation? Index(string schema, string name) => Indexes.GetValueOrDefault(new QualifiedName(schema, name));

    /// <summary>An index by schema-qualified name.</summary>
    public SourceLocation? Index(QualifiedName name) => Indexes.GetValueOrDefault(name);

    /// <summary>
    /// A column of a table (also a view column list or a composite type attribute); falls back to an
    /// <c>ALTER TABLE ... ALTER COLUMN</c> that mentions it.
    /// </summary>
    public SourceLocation? Column(QualifiedName table, string column) =>
        Columns.GetValueOrDefault((table, column)) ?? ColumnMentions.GetValueOrDefault((table, column));

    /// <summary>A constraint of a table (or domain), by its name or the default name PostgreSQL would give it.</summary>
    public SourceLocation? Constraint(QualifiedName table, string name) => Constraints.GetValueOrDefault((table, name));

    /// <summary>
    /// Like <see cref="Constraint(QualifiedName, string)"/>, and when the name is not found (PostgreSQL picked a
    /// different default name, e.g. <c>_key1</c> after a clash), an unnamed constraint of the same kind written
    /// inside the definition of its single column.
    /// </summary>
    public SourceLocation? Constraint(QualifiedName table, string name, ConstraintKind kind, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Constraint(table, name) ??
               (columns.Count == 1 ? ColumnConstraints.GetValueOrDefault((table, columns[0], kind)) : null);
    }

    public SourceLocation? Trigger(QualifiedName table, string name) => Triggers.GetValueOrDefault((table, name));

    public SourceLocation? Policy(QualifiedName table, string name) => Policies.GetValueOrDefault((table, name));

    /// <summary>
    /// A <c>COMMENT ON</c> statement, by its target as written after <c>ON</c>, e.g. <c>TABLE public.users</c>,
    /// <c>COLUMN public.users.email</c>, <c>CONSTRAINT users_pkey ON public.users</c> or
    /// <c>FUNCTION public.f(integer)</c>. Both sides are compared after quoting and case are normalised and
    /// unqualified names put in <c>public</c>; a function also matches by name alone.
    /// </summary>
    public SourceLocation? Comment(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tokens = SqlLexer.Tokenize(target).Where(t => !t.IsTrivia).ToList();
        var keys = CommentTargets.Keys(tokens, 0, tokens.Count, "public");
        foreach (var key in keys)
        {
            if (Comments.TryGetValue(key, out var location))
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>Line 1, column 1 of a file that had at least one statement: the fallback when nothing better is known.</summary>
    public SourceLocation? File(string file) => Files.GetValueOrDefault(file);
}
