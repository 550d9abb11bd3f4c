using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Where the objects of the desired schema are declared in its SQL files, so that hazards and errors can point
/// at a line. PostgreSQL says which statement made each object (<see cref="FromCreatedObjects"/>, fed by the
/// event trigger of the scratch database), so names, schemas and default names are PostgreSQL's own; the lexer
/// only finds the object inside its statement. Without that record (no superuser), <see cref="StatementLevel"/>
/// knows only the first name each CREATE statement writes. Every lookup returns null when the object was not found.
/// </summary>
public sealed class DdlLocations
{
    public static DdlLocations Empty { get; } = new();

    /// <summary>Line 1, column 1 of the first file that had a statement: the fallback when nothing better is known.</summary>
    public SourceLocation? Fallback { get; private init; }

    /// <summary>Why locations are only statement-level, to be shown once; null when PostgreSQL reported every object.</summary>
    public string? Warning { get; private init; }

    /// <summary>In statement-level mode, the first name written by each CREATE statement, whatever its kind.</summary>
    internal Dictionary<string, SourceLocation> Declared { get; } = new(StringComparer.Ordinal);

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

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Constraints { get; } = [];

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Triggers { get; } = [];

    internal Dictionary<(QualifiedName Table, string Name), SourceLocation> Policies { get; } = [];

    /// <summary>By <c>COMMENT ON</c> target, spelled as <see cref="Comment.Target"/> spells it.</summary>
    internal Dictionary<string, SourceLocation> Comments { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Locates every object in <paramref name="objects"/> (each naming the index of its first statement in
    /// <paramref name="statements"/>): at its name, column definition or constraint inside that statement, else
    /// at the statement. A serial or identity sequence is at its column, the index of a constraint at the constraint.
    /// </summary>
    public static DdlLocations FromCreatedObjects(IReadOnlyList<SqlStatement> statements, IReadOnlyList<CreatedObject> objects)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(objects);
        var locations = new DdlLocations { Fallback = FirstFile(statements) };
        return CreatedObjectLocator.Fill(locations, statements, objects);
    }

    /// <summary>
    /// Locations without PostgreSQL's record: an object is found only at a CREATE statement whose first name is
    /// its name; columns, constraints and comments are not found (callers fall back to their table).
    /// </summary>
    public static DdlLocations StatementLevel(IReadOnlyList<SqlStatement> statements, string warning)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var locations = new DdlLocations { Fallback = FirstFile(statements), Warning = warning };
        foreach (var statement in statements)
        {
            if (StatementPositions.FirstName(statement) is { } declared)
            {
                locations.Declared.TryAdd(declared.Name, declared.Location);
            }
        }

        return locations;
    }

    private static SourceLocation? FirstFile(IReadOnlyList<SqlStatement> statements) =>
        statements.Count > 0 ? new SourceLocation(statements[0].File, 1, 1) : null;

    private SourceLocation? Find<TKey>(Dictionary<TKey, SourceLocation> map, TKey key, string name)
        where TKey : notnull =>
        map.GetValueOrDefault(key) ?? Declared.GetValueOrDefault(name);

    public SourceLocation? Schema(string name) => Find(Schemas, name, name);

    public SourceLocation? Extension(string name) => Find(Extensions, name, name);

    /// <summary>A table, partitioned table, partition or foreign table.</summary>
    public SourceLocation? Table(QualifiedName name) => Find(Tables, name, name.Name);

    /// <summary>A view or materialized view.</summary>
    public SourceLocation? View(QualifiedName name) => Find(Views, name, name.Name);

    /// <summary>A table, view or sequence: whichever declares <paramref name="name"/>.</summary>
    public SourceLocation? Relation(QualifiedName name) => Table(name) ?? View(name) ?? Sequence(name);

    /// <summary>An enum, composite, range, base type or domain.</summary>
    public SourceLocation? Type(QualifiedName name) => Find(Types, name, name.Name);

    /// <summary>A sequence, including the implicit one of a serial or identity column (at that column).</summary>
    public SourceLocation? Sequence(QualifiedName name) => Find(Sequences, name, name.Name);

    /// <summary>The first declared overload of a function, procedure or aggregate.</summary>
    public SourceLocation? Function(QualifiedName name) => Find(Functions, name, name.Name);

    /// <summary>An index (or the primary key, unique or exclusion constraint that made it) in <paramref name="schema"/>.</summary>
    public SourceLocation? Index(string schema, string name) => Index(new QualifiedName(schema, name));

    /// <summary>An index by schema-qualified name.</summary>
    public SourceLocation? Index(QualifiedName name) => Find(Indexes, name, name.Name);

    /// <summary>A column of a table, view or foreign table, or an attribute of a composite type.</summary>
    public SourceLocation? Column(QualifiedName table, string column) => Columns.GetValueOrDefault((table, column));

    /// <summary>A constraint of a table or domain, by the name PostgreSQL gave it.</summary>
    public SourceLocation? Constraint(QualifiedName table, string name) => Constraints.GetValueOrDefault((table, name));

    public SourceLocation? Trigger(QualifiedName table, string name) => Find(Triggers, (table, name), name);

    public SourceLocation? Policy(QualifiedName table, string name) => Find(Policies, (table, name), name);

    /// <summary>The first <c>COMMENT ON</c> statement of <paramref name="target"/> (as <see cref="Comment.Target"/> spells it).</summary>
    public SourceLocation? Comment(string target) => Comments.GetValueOrDefault(target);
}
