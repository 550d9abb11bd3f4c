namespace SchemaPlanner.Model;

/// <summary>
/// <paramref name="Dependent"/> cannot exist without <paramref name="Referenced"/>: PostgreSQL's own record of it
/// (<c>pg_depend</c>, the rewrite rule of a view, a function's argument and result types, a domain's base type, a
/// default's functions and sequences). Creates go after what they depend on, drops before.
/// </summary>
public sealed record Dependency(ObjectRef Dependent, ObjectRef Referenced) : IComparable<Dependency>
{
    public int CompareTo(Dependency? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byDependent = Dependent.CompareTo(other.Dependent);
        return byDependent != 0 ? byDependent : Referenced.CompareTo(other.Referenced);
    }
}
