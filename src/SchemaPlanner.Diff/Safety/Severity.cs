namespace SchemaPlanner.Safety;

public enum Severity
{
    /// <summary>Worth knowing; does not make the change unsafe.</summary>
    Warning,

    /// <summary>Makes the change unsafe to apply as-is during traffic.</summary>
    Error,
}
