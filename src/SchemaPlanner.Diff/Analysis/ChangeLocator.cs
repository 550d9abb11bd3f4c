using SchemaPlanner.Changes;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Analysis;

/// <summary>
/// Points each change at the desired DDL that introduced it: the statement, or the column/constraint line
/// inside CREATE TABLE. Changes that come from something removed point at the table's definition, or at the
/// first desired file when the table itself is gone.
/// </summary>
public sealed class ChangeLocator
{
    private readonly DdlLocations locations;
    private readonly SourceLocation? fallback;

    public ChangeLocator(DdlLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        this.locations = locations;
        fallback = locations.Fallback;
    }

    public SourceLocation? Locate(Change change) => Find(change) ?? fallback;

    /// <summary>Each change type says where it is located, beside its DDL (<see cref="Planning.Ddl.DdlHandler.Locate"/>).</summary>
    private SourceLocation? Find(Change change) => Planning.Ddl.DdlGenerators.For(change).Locate(change, locations);
}
