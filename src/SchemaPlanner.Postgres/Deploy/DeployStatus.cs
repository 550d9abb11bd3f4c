using Npgsql;
using SchemaPlanner.Introspection;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Deploy;

/// <summary>
/// A plan's progress in a database, read without writing anything (<c>schemaplan status</c>): the steps' states
/// and, while none of the plan ran, whether the database is in the state the plan starts from.
/// </summary>
public sealed record DeployStatus(DeployState State, bool? StartStateMatches, string Database)
{
    public static async Task<DeployStatus> ReadAsync(string connection, PlanManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var connectionString = ConnectionStrings.Normalize(connection);
        try
        {
            await using var session = new NpgsqlConnection(connectionString);
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            var state = DeployState.Of(manifest, await HistoryStore.ReadAsync(session, cancellationToken).ConfigureAwait(false));
            bool? matches = null;
            if (!state.AnyRan)
            {
                var live = await SchemaReader.ReadAsync(session, cancellationToken).ConfigureAwait(false);
                matches = SchemaFingerprint.Of(live.Model) == manifest.From;
            }

            return new DeployStatus(state, matches, ConnectionErrors.Describe(connectionString));
        }
        catch (Exception ex) when (ex is not PostgresException && ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, connectionString);
        }
    }
}
