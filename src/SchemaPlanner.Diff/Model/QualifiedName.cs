namespace SchemaPlanner.Model;

/// <summary>A schema-qualified object name, kept raw (unquoted). Quoting happens only in <see cref="Sql.Quote"/>.</summary>
public sealed record QualifiedName(string Schema, string Name) : IComparable<QualifiedName>
{
    public int CompareTo(QualifiedName? other)
    {
        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        if (other is null)
        {
            return 1;
        }

        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>Quoted SQL form, e.g. <c>public."Order Items"</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Sql => Model.Sql.Quote(Schema) + "." + Model.Sql.Quote(Name);

    /// <summary>Display form used in output and hints: quoted only where SQL would need it.</summary>
    public override string ToString() => Sql;

    /// <summary>The name of a member of this object (a column), in display form.</summary>
    public string Member(string name) => Sql + "." + Model.Sql.Quote(name);
}
