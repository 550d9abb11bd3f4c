namespace SchemaPlanner.Model;

/// <summary>
/// A whole database schema, normalised: every list sorted by name (ordinal), so two models of the same
/// schema compare equal and serialise to the same bytes.
/// </summary>
public sealed record SchemaModel(
    EquatableArray<Schema> Schemas,
    EquatableArray<Extension> Extensions,
    EquatableArray<Collation> Collations,
    EquatableArray<EnumType> Enums,
    EquatableArray<Domain> Domains,
    EquatableArray<Sequence> Sequences,
    EquatableArray<Table> Tables,
    EquatableArray<View> Views,
    EquatableArray<Function> Functions,
    EquatableArray<Comment> Comments,
    EquatableArray<UnsupportedObject> Unsupported)
{
    /// <summary>Which object needs which (see <see cref="Dependency"/>): the graph changes are ordered by.</summary>
    public EquatableArray<Dependency> Dependencies { get; init; } = EquatableArray<Dependency>.Empty;

    /// <summary>Stand-alone composite types (left out of snapshots when there are none, so older snapshots read the same).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public EquatableArray<CompositeType> Composites { get; init; } = EquatableArray<CompositeType>.Empty;

    /// <summary>Range types (left out of snapshots when there are none).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public EquatableArray<RangeType> Ranges { get; init; } = EquatableArray<RangeType>.Empty;

    public static SchemaModel Empty { get; } = new(
        EquatableArray<Schema>.Empty,
        EquatableArray<Extension>.Empty,
        EquatableArray<Collation>.Empty,
        EquatableArray<EnumType>.Empty,
        EquatableArray<Domain>.Empty,
        EquatableArray<Sequence>.Empty,
        EquatableArray<Table>.Empty,
        EquatableArray<View>.Empty,
        EquatableArray<Function>.Empty,
        EquatableArray<Comment>.Empty,
        EquatableArray<UnsupportedObject>.Empty);

    // Lookups by name are indexed once per model instance (kept outside the record so equality is unchanged).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchemaModel, Dictionary<QualifiedName, Table>> TableIndex = new();

    public Table? FindTable(QualifiedName name) =>
        TableIndex.GetValue(this, model => model.Tables.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(name);

    public EnumType? FindEnum(QualifiedName name) => Enums.FirstOrDefault(e => e.Name == name);

    /// <summary>Views that read any of <paramref name="relations"/>, directly or through other views, in creation order.</summary>
    public IReadOnlyList<View> ViewsReading(IEnumerable<QualifiedName> relations)
    {
        var result = new List<View>();
        var names = relations.ToHashSet();
        bool added;
        do
        {
            added = false;
            foreach (var view in Views.Where(v => !result.Contains(v) && v.DependsOn.Any(names.Contains)))
            {
                result.Add(view);
                names.Add(view.Name);
                added = true;
            }
        }
        while (added);
        return result;
    }

    /// <summary>Returns the same model with every list sorted, the form all sources produce.</summary>
    public SchemaModel Normalize() => this with
    {
        Schemas = Schemas.OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray(),
        Extensions = Extensions.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
        Collations = Collations.OrderBy(c => c.Name).ToEquatableArray(),
        Enums = Enums.OrderBy(e => e.Name).ToEquatableArray(),
        Composites = Composites.OrderBy(c => c.Name).ToEquatableArray(),
        Ranges = Ranges.OrderBy(r => r.Name).ToEquatableArray(),
        Domains = Domains.OrderBy(d => d.Name).ToEquatableArray(),
        Sequences = Sequences.OrderBy(s => s.Name).ToEquatableArray(),
        Tables = Tables.Select(t => t.Normalize()).OrderBy(t => t.Name).ToEquatableArray(),
        Views = Views.Select(v => v.Normalize()).OrderBy(v => v.Name).ToEquatableArray(),
        Functions = Functions.OrderBy(f => f.Name).ThenBy(f => f.Arguments, StringComparer.Ordinal).ToEquatableArray(),
        Comments = Comments.OrderBy(c => c.Target, StringComparer.Ordinal).ToEquatableArray(),
        Unsupported = Unsupported.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray(),
        Dependencies = Dependencies.Distinct().Order().ToEquatableArray(),
    };
}
