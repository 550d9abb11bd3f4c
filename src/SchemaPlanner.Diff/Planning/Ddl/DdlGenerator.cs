namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// The plain DDL of one object kind (<c>Generators/IndexDdl</c> for <c>AddIndex</c> and <c>DropIndex</c>, …): one
/// method per change type writing its statements, each paired with the change that reverses it (the model is EF
/// Core's <c>MigrationsSqlGenerator</c>, one method per operation, and Atlas's command/reverse pairs).
/// <see cref="DdlGenerators"/> finds every generator and dispatches on the change type.
/// </summary>
internal abstract class DdlGenerator
{
    /// <summary>One handler per change type this generator writes.</summary>
    public abstract IEnumerable<DdlHandler> Handlers { get; }
}
