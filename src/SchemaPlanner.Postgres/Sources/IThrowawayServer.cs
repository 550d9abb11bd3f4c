namespace SchemaPlanner.Sources;

/// <summary>
/// A PostgreSQL server made for one command run and removed when disposed: a <see cref="TemporaryCluster"/> from
/// the local binaries or a <see cref="ScratchContainer"/>. Its superuser connection string may hold a password.
/// </summary>
public interface IThrowawayServer : IAsyncDisposable
{
    string ConnectionString { get; }
}
