namespace SchemaPlanner.Rehearsal;

/// <summary>The application version that runs before the plan (the old schema's shape) and the one after it.</summary>
public enum AppVersion
{
    Old,
    New,
}
