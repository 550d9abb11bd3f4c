using System.Diagnostics;
using Npgsql;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// One app version as continuous traffic: on its own session, at a steady rate, inserts, updates by key, deletes
/// of rows it inserted, reads by key, reads through every view of the tables it uses, and the user's own
/// statements. Every statement that fails, and every write that does not read back as written, is a finding.
/// The orchestrator switches it on and off on the release timeline and pauses it at step boundaries; before a
/// step it dwells (<see cref="Dwell"/>) until it has reached each table whose state changed.
/// </summary>
internal sealed class AppTraffic : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly AppVersion version;
    private readonly IReadOnlyList<(TableLedger Ledger, ShapeWriter Writer)> tables;
    private readonly IReadOnlyList<QualifiedName> views;
    private readonly IReadOnlyList<SqlStatement> userStatements;
    private readonly int transactionsPerSecond;
    private readonly Random random;
    private readonly SemaphoreSlim running = new(0, 1);
    private readonly SemaphoreSlim idle = new(1, 1);
    private readonly CancellationTokenSource stop;
    private readonly List<double> latencies = [];
    private readonly object gate = new();
    private Task? loop;
    private int errors;
    private int userIndex;
    private volatile bool active;
    private string? lastStatement;
    private bool typesReloaded;
    private readonly TrafficDwell dwell = new();

    /// <summary>Sample-based writes a multi-column CHECK of this version's own schema rejected (reported, not errors).</summary>
    public int RejectedByOwnChecks { get; private set; }

    /// <summary>Names of the CHECK constraints this version's schema has on the tables it writes.</summary>
    public IReadOnlySet<string> OwnChecks { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public AppTraffic(string connectionString, AppVersion version, IReadOnlyList<(TableLedger, ShapeWriter)> tables, IReadOnlyList<QualifiedName> views, IReadOnlyList<SqlStatement> userStatements, int transactionsPerSecond, TimeSpan limit)
    {
        this.connectionString = connectionString;
        this.version = version;
        this.tables = tables;
        this.views = views;
        this.userStatements = userStatements;
        this.transactionsPerSecond = Math.Max(1, transactionsPerSecond);
        random = new Random(version == AppVersion.Old ? 1701 : 4242);
        stop = new CancellationTokenSource(limit);
    }

    public AppVersion Version => version;

    /// <summary>The first failure seen (statement, SQLSTATE, what was expected), null while all is well.</summary>
    public string? Failure { get; private set; }

    public string ApplicationName => "schemaplan-rehearsal-" + (version == AppVersion.Old ? "old" : "new");

    public void Start() => loop = Task.Run(LoopAsync);

    /// <summary>Lets traffic flow (the version is live).</summary>
    public void Resume()
    {
        if (!active)
        {
            active = true;
            running.Release();
        }
    }

    /// <summary>Stops traffic and waits until no statement of this version is in flight.</summary>
    public async Task PauseAsync()
    {
        if (!active)
        {
            return;
        }

        await running.WaitAsync().ConfigureAwait(false);
        active = false;
        await idle.WaitAsync().ConfigureAwait(false);
        idle.Release();
    }

    /// <summary>
    /// Starts a dwell (call it while paused): until <see cref="EndDwell"/>, operations go without the rate's pause
    /// and pick the tables of <paramref name="tables"/> this version uses in turn; the task completes once it has
    /// run <paramref name="operations"/> operations and one on each of those tables, or once a statement failed.
    /// </summary>
    public Task Dwell(IEnumerable<TableLedger> tables, int operations)
    {
        var mine = this.tables.Select(t => t.Ledger).ToHashSet();
        return dwell.Start(tables.Where(mine.Contains).Distinct().ToList(), operations);
    }

    /// <summary>Ends the dwell (the rate applies again, tables are picked at random); the tables it reached.</summary>
    public IReadOnlySet<TableLedger> EndDwell() => dwell.End();

    /// <summary>The figures since the last call, and a fresh start.</summary>
    public VersionFigures TakeFigures()
    {
        lock (gate)
        {
            var figures = VersionFigures.Of(latencies, errors);
            latencies.Clear();
            errors = 0;
            return figures;
        }
    }

    private async Task LoopAsync()
    {
        var token = stop.Token;
        var interval = TimeSpan.FromSeconds(1.0 / transactionsPerSecond);
        NpgsqlConnection? connection = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await running.WaitAsync(token).ConfigureAwait(false);
                running.Release();
                await idle.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (!active)
                    {
                        continue;
                    }

                    connection ??= await OpenAsync(token).ConfigureAwait(false);
                    var started = Stopwatch.GetTimestamp();
                    var table = await TickAsync(connection, token).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    lock (gate)
                    {
                        latencies.Add(elapsed.TotalMilliseconds);
                    }

                    dwell.Record(table, Failure is not null);

                    // The rate is what a step meets; a dwell only has to reach the changed tables, so it does not wait.
                    if (!dwell.Active && elapsed < interval)
                    {
                        await Task.Delay(interval - elapsed, token).ConfigureAwait(false);
                    }
                }
                catch (PostgresException ex) when (ex.SqlState is "42804" or "42846" && ex.MessageText.Contains("_sp_old", StringComparison.Ordinal) && !typesReloaded)
                {
                    // An enum swap renamed the type this session cached by name; APP.md tells apps to reload types
                    // after it (Npgsql: ReloadTypes), and so does this one, once. Which error the stale parameter type
                    // gives depends on the statement: 42804 "column is of type mood but expression is of type
                    // mood_sp_old" for an INSERT, 42846 "cannot cast type mood_sp_old to mood" where it is cast.
                    typesReloaded = true;
                    await ResetAsync(connection).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == "23514" && ex.ConstraintName is { } name && OwnChecks.Contains(name))
                {
                    // A CHECK of this version's own schema over several columns (parent_id <> id) that a sample-based
                    // write happened to break: the app would not write that. A CHECK only the other schema has,
                    // enforced while this version runs, is still a failure.
                    lock (gate)
                    {
                        RejectedByOwnChecks++;
                    }
                }
                catch (PostgresException ex)
                {
                    lock (gate)
                    {
                        errors++;
                    }

                    Failure ??= $"{ApplicationName}: {ex.SqlState}: {ex.MessageText} in: {ex.BatchCommand?.CommandText ?? lastStatement ?? "?"}";
                    await ResetAsync(connection).ConfigureAwait(false);
                }
                catch (NpgsqlException ex) when (!token.IsCancellationRequested)
                {
                    Failure ??= $"{ApplicationName}: {ex.Message}";
                    connection = null;
                }
                catch (InvalidCastException ex)
                {
                    Failure ??= $"{ApplicationName}: {ex.Message}";
                }
                finally
                {
                    if (Failure is not null)
                    {
                        dwell.Record(null, failed: true);
                    }

                    idle.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Types created since the session opened (a new enum) must be known to it, as after a deploy.</summary>
    public bool ReloadTypes { get; set; }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken token)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName, Pooling = false, CommandTimeout = 120 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(token).ConfigureAwait(false);
        return connection;
    }

    private static async Task ResetAsync(NpgsqlConnection? connection)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            try
            {
                await connection.ReloadTypesAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
            }
        }
    }

    /// <summary>One operation; the table it wrote or read, if any.</summary>
    private async Task<TableLedger?> TickAsync(NpgsqlConnection connection, CancellationToken token)
    {
        if (ReloadTypes)
        {
            ReloadTypes = false;
            await connection.ReloadTypesAsync(token).ConfigureAwait(false);
        }

        if (userStatements.Count > 0 && random.Next(4) == 0)
        {
            var statement = userStatements[userIndex++ % userStatements.Count];
            lastStatement = $"{statement.Location}: {statement.Text}";
            await SingleStatement.ExecuteAsync(connection, statement.Text, token).ConfigureAwait(false);
            return null;
        }

        if (views.Count > 0 && random.Next(8) == 0)
        {
            await using var read = new NpgsqlCommand(EmbeddedSql.Fill("Rehearsal.read_view", ("view", views[random.Next(views.Count)].Sql)), connection);
            lastStatement = read.CommandText;
            await using var reader = await read.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
            }

            return null;
        }

        if (tables.Count == 0)
        {
            return null;
        }

        var (ledger, writer) = dwell.Next() is { } next ? tables.First(t => t.Ledger == next) : tables[random.Next(tables.Count)];
        await writer.EnsureSamplesAsync(connection, ledger.Mapping, token).ConfigureAwait(false);
        var action = random.Next(10);
        if (action < 4 || !ledger.Keyed)
        {
            if (writer.Insert(connection, random) is { } insert)
            {
                await WriteAsync(connection, ledger, writer, insert, null, token).ConfigureAwait(false);
            }

            return ledger;
        }

        if (action < 8)
        {
            if (ledger.Pick(version, random, insertedOnly: false) is { } row && writer.Update(connection, random, row) is { } update)
            {
                await WriteAsync(connection, ledger, writer, update, row, token).ConfigureAwait(false);
            }

            return ledger;
        }

        if (action == 8 && !ledger.Referenced)
        {
            if (ledger.Pick(version, random, insertedOnly: true) is { } row)
            {
                await using var delete = writer.Delete(connection, row);
                var affected = await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                if (affected != 1)
                {
                    Failure ??= $"{ApplicationName}: a row it inserted is gone: {delete.CommandText} (key {string.Join(", ", row.Key)}) deleted {affected} row(s)";
                }

                ledger.Put(row with { Deleted = true });
            }

            return ledger;
        }

        if (ledger.Pick(version, random, insertedOnly: false) is { } read1)
        {
            await using var select = writer.Select(connection, read1);
            if (await select.ExecuteScalarAsync(token).ConfigureAwait(false) is null)
            {
                Failure ??= $"{ApplicationName}: row lost: {select.CommandText} with key ({string.Join(", ", read1.Key)}) found nothing";
            }
        }

        return ledger;
    }

    private async Task WriteAsync(NpgsqlConnection connection, TableLedger ledger, ShapeWriter writer, ShapeWrite write, LedgerRow? updated, CancellationToken token)
    {
        await using var command = write.Command;
        lastStatement = command.CommandText + " with (" + string.Join(", ", command.Parameters.Select(p => p.Value is DBNull ? "NULL" : p.Value?.ToString())) + ")";
        string? values = null;
        var key = new List<string?>();
        await using (var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                for (var i = 0; i < writer.Shape.Key.Count; i++)
                {
                    key.Add(reader.IsDBNull(i) ? null : reader.GetString(i));
                }

                values = reader.GetString(writer.Shape.Key.Count);
            }
        }

        if (values is null)
        {
            if (updated is not null)
            {
                Failure ??= $"{ApplicationName}: row lost: {command.CommandText} with key ({string.Join(", ", updated.Key)}) updated nothing";
            }

            return;
        }

        // The write has committed: the ledger takes it before the read-back, which can still fail (its cast meets an
        // enum swap's renamed type, and the session reloads its types and goes on), or the row would be in the table
        // and not in the ledger (a rehearsal once counted 588 rows against a ledger of 587 after a swap).
        if (!ledger.Keyed)
        {
            ledger.CountInsert(1);
        }
        else
        {
            ledger.Put(new LedgerRow(key, version, values, updated?.InsertedBy ?? (updated is null ? version : null), false));
        }

        await using (var check = write.ReadBackCheck)
        {
            check.Connection = connection;
            check.Parameters[^1].Value = values;
            if (await check.ExecuteScalarAsync(token).ConfigureAwait(false) is not true)
            {
                Failure ??= $"{ApplicationName}: a write does not read back as written (a value was changed on the way in): {command.CommandText}; read back {values}";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (!active)
        {
            running.Release();
        }

        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        stop.Dispose();
    }
}
