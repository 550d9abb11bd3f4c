namespace SchemaPlanner.Changes;

/// <summary>What changed on a table itself.</summary>
[Flags]
public enum TableChange
{
    None = 0,
    Persistence = 1,
    RowLevelSecurity = 2,
    PartitionKey = 4,
    PartitionOf = 8,
    Inheritance = 16,
}
