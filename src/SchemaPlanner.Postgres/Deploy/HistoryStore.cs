using Npgsql;
using SchemaPlanner.Planning.Deploy;

namespace SchemaPlanner.Deploy;

/// <summary>
/// <c>schemaplan.history</c> in the target database: one row per step file run, written when it starts and
/// again when it ends. A row left <c>running</c> is a step whose process or connection died: the next apply
/// runs it again.
/// </summary>
public static class HistoryStore
{
    public const string Table = HistorySchema.Name + ".history";

    private static string Create => EmbeddedSql.Fill("Deploy.history_create", ("schema", HistorySchema.Name), ("table", Table));

    /// <summary>Every row, oldest first; none when no apply ever ran here (nothing is created by reading).</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var exists = new NpgsqlCommand(EmbeddedSql.Fill("Deploy.history_exists", ("table", "'" + Table + "'")), connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return [];
            }
        }

        await using var command = new NpgsqlCommand(
            EmbeddedSql.Fill("Deploy.history_read", ("table", Table)),
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<HistoryEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new HistoryEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3) == "down",
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>
    /// The fingerprints of the plans that have rows in <paramref name="connection"/>'s history (started, maybe
    /// not finished), read without writing: <c>check --migrations</c> counts such a plan as covering its changes.
    /// </summary>
    public static async Task<IReadOnlySet<string>> PlansAsync(string connection, CancellationToken cancellationToken)
    {
        var connectionString = Sources.ConnectionStrings.Normalize(connection);
        try
        {
            await using var session = new NpgsqlConnection(connectionString);
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            return (await ReadAsync(session, cancellationToken).ConfigureAwait(false)).Select(h => h.Plan).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not PostgresException && Sources.ConnectionErrors.IsConnectionFailure(ex))
        {
            throw Sources.ConnectionErrors.Translate(ex, connectionString);
        }
    }

    /// <summary>Creates the schema and table on the first apply.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Create, connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw new Errors.SchemaPlannerException(
                Errors.ErrorKind.InvalidInput,
                $"cannot create {Table} ({ex.SqlState}: {ex.MessageText}); nothing was run: let the user create schema {HistorySchema.Name} (GRANT CREATE ON DATABASE …), or create it for them beforehand",
                ex,
                ex.SqlState);
        }
    }

    /// <summary>Records that <paramref name="step"/>'s up (or down) file starts, committed at once; returns the row's id.</summary>
    public static async Task<long> StartAsync(NpgsqlConnection connection, PlanManifest manifest, ManifestStep step, bool down, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(step);
        await using var command = new NpgsqlCommand(
            EmbeddedSql.Fill("Deploy.history_start", ("table", Table), ("running", "'" + HistoryOutcome.Running + "'")),
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = manifest.Fingerprint });
        command.Parameters.Add(new NpgsqlParameter { Value = step.Step.Release });
        command.Parameters.Add(new NpgsqlParameter { Value = Planning.PhaseNames.Of(step.Step.Phase) });
        command.Parameters.Add(new NpgsqlParameter { Value = down ? step.Step.DownFile : step.Step.UpFile });
        command.Parameters.Add(new NpgsqlParameter { Value = down ? "down" : "up" });
        command.Parameters.Add(new NpgsqlParameter { Value = (down ? step.DownChecksum : step.UpChecksum) ?? "" });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Records how the run of row <paramref name="id"/> ended; inside <paramref name="transaction"/> when given.</summary>
    public static async Task FinishAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, string outcome, string? error, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EmbeddedSql.Fill("Deploy.history_finish", ("table", Table)), connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = outcome });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
