namespace SchemaPlanner.Safety;

/// <summary>PostgreSQL's table lock modes, as named in hazards.</summary>
public static class Locks
{
    public const string AccessExclusive = "ACCESS EXCLUSIVE";
    public const string Exclusive = "EXCLUSIVE";
    public const string ShareRowExclusive = "SHARE ROW EXCLUSIVE";
    public const string Share = "SHARE";
    public const string ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";
}
