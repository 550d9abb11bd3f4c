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
        Schemas = Schemas.SortedBy(s => s.Name, StringComparer.Ordinal),
        Extensions = Extensions.SortedBy(e => e.Name, StringComparer.Ordinal),
        Collations = Collations.SortedBy(c => c.Name),
        Enums = Enums.SortedBy(e => e.Name),
        Composites = Composites.SortedBy(c => c.Name),
        Ranges = Ranges.SortedBy(r => r.Name),
        Domains = Domains.SortedBy(d => d.Name),
        Sequences = Sequences.SortedBy(s => s.Name),
        Tables = Tables.Select(t => t.Normalize()).ToEquatableArray().SortedBy(t => t.Name),
        Views = Views.Select(v => v.Normalize()).ToEquatableArray().SortedBy(v => v.Name),
        Functions = Functions.OrderBy(f => f.Name).ThenBy(f => f.Arguments, StringComparer.Ordinal).ToEquatableArray(),
        Comments = Comments.OrderBy(c => c.Target, StringComparer.Ordinal).ToEquatableArray(),
        Unsupported = Unsupported.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray(),
        // dependencies.sql returns them in this order, so a read model passes the check without a sort.
        Dependencies = Dependencies.SortedDistinct(),
    };
}
