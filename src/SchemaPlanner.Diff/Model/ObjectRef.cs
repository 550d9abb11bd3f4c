namespace SchemaPlanner.Model;

/// <summary>
/// One object, named the way the rest of the model names it: a table, view, sequence, type (domain, enum, composite
/// type) or collation by <paramref name="Name"/>; a member of a relation (column, default, constraint, index,
/// trigger, policy) by the relation's name and its own in <paramref name="Member"/>; a function by its name and
/// <c>pg_get_function_identity_arguments</c> in <paramref name="Member"/> (as <see cref="Function.Arguments"/>).
/// </summary>
public sealed record ObjectRef(ObjectKind Kind, QualifiedName Name, string? Member = null) : IComparable<ObjectRef>
{
    public int CompareTo(ObjectRef? other)
    {
        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        if (other is null)
        {
            return 1;
        }

        // By the enum's order, as dependencies.sql sorts; compared as ints (Enum.CompareTo boxes).
        var byKind = ((int)Kind).CompareTo((int)other.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byName = Name.CompareTo(other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Member, other.Member);
    }

    public override string ToString() => Kind.ToString().ToLowerInvariant() + " " + (Member is null ? Name.ToString() : Name + "." + Member);
}
