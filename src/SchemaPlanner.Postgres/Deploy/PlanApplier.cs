using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SchemaPlanner.Diffing;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Snapshots;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Deploy;

/// <summary>
/// Runs a plan's steps against the database it is given, up to a point (or back to one), recording each in
/// <c>schemaplan.history</c>. Everything it refuses, it refuses before writing anything: another apply holding
/// the lock, a database not in the plan's start state (checked while no step of the plan has run), a point
/// before what already ran, a step that cannot be undone.
/// </summary>
public static class PlanApplier
{
    /// <summary>SQLSTATE query_canceled: what a statement cancelled on the server (a backfill stopped by Ctrl+C) ends with.</summary>
    private const string QueryCanceled = "57014";

    /// <summary>
    /// Applies <paramref name="request"/>; returns the steps run (or, with <see cref="ApplyRequest.DryRun"/>, that
    /// would run). <paramref name="stop"/> (Ctrl+C) ends the run after the current statement or backfill batch.
    /// </summary>
    public static async Task<IReadOnlyList<ManifestStep>> ApplyAsync(ApplyRequest request, IApplyProgress progress, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var connectionString = ConnectionStrings.Normalize(request.ConnectionString);
        var target = ConnectionErrors.Describe(connectionString);
        try
        {
            // Not pooled: the deploy lock is the session's, and must go when this apply ends, not when a pooled
            // connection is next reused (a process that applies twice, or writes through the same pool meanwhile).
            // The lease unlocks before the connection closes (declared after it, so disposed first).
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(stop).ConfigureAwait(false);
            await using var deployLock = await DeployLock.AcquireAsync(connection, target, stop).ConfigureAwait(false);
            var state = DeployState.Of(request.Manifest, await HistoryStore.ReadAsync(connection, stop).ConfigureAwait(false));
            if (!state.AnyRan && !request.Down)
            {
                await CheckStartStateAsync(connection, request, target, progress.Line, stop).ConfigureAwait(false);
            }

            var steps = request.Down ? state.DownTo(request.To, request.Force) : state.UpTo(request.To);
            if (request.DryRun || steps.Count == 0)
            {
                return steps;
            }

            await HistoryStore.EnsureAsync(connection, stop).ConfigureAwait(false);
            BackfillRate? rate = null;
            connection.Notice += (_, e) =>
            {
                // What the files RAISE on purpose (progress, retries, checks passed), not IF EXISTS "skipping" chatter.
                if (e.Notice.Where?.Contains("at RAISE", StringComparison.Ordinal) == true)
                {
                    if (rate?.Measure(e.Notice.MessageText) is { } backfill)
                    {
                        progress.Backfill(backfill);
                    }
                    else
                    {
                        progress.Line("    " + e.Notice.MessageText);
                    }
                }
            };
            for (var i = 0; i < steps.Count; i++)
            {
                // Between steps Ctrl+C stops at once; inside one, after its current statement.
                stop.ThrowIfCancellationRequested();
                rate = new BackfillRate();
                try
                {
                    await RunStepAsync(connection, request, steps[i], $"[{(i + 1).ToString(CultureInfo.InvariantCulture)}/{steps.Count.ToString(CultureInfo.InvariantCulture)}]", progress.Line, stop).ConfigureAwait(false);
                }
                finally
                {
                    progress.StepEnded();
                }
            }

            return steps;
        }
        catch (Exception ex) when (ex is not PostgresException && ConnectionErrors.IsConnectionFailure(ex))
        {
            throw ConnectionErrors.Translate(ex, connectionString);
        }
    }

    private static async Task RunStepAsync(NpgsqlConnection connection, ApplyRequest request, ManifestStep step, string counter, Action<string> progress, CancellationToken stop)
    {
        var file = request.Down ? step.Step.DownFile : step.Step.UpFile;
        var sql = request.Down ? step.Step.DownSql : step.Step.UpSql;
        var id = await HistoryStore.StartAsync(connection, request.Manifest, step, request.Down, CancellationToken.None).ConfigureAwait(false);
        if (request.Down && !step.Step.Reversible)
        {
            // Only with --force (DeployState refuses otherwise): its down file only raises "cannot undo".
            await HistoryStore.FinishAsync(connection, null, id, HistoryOutcome.Skipped, "cannot be undone; passed over with --force", CancellationToken.None).ConfigureAwait(false);
            progress($"{counter} {file}: passed over (cannot be undone: {step.IrreversibleBecause ?? "no down"})");
            return;
        }

        progress($"{counter} {file} ({(step.Step.Transactional ? "one transaction" : "outside a transaction")}) ...");
        var clock = Stopwatch.StartNew();
        var hooks = new StepRunHooks((transaction, token) => HistoryStore.FinishAsync(connection, transaction, id, HistoryOutcome.Done, null, token), stop);
        try
        {
            await StepRunner.RunFileAsync(connection, file, sql, step.Step.Transactional, hooks, CancellationToken.None).ConfigureAwait(false);
            if (!step.Step.Transactional)
            {
                await HistoryStore.FinishAsync(connection, null, id, HistoryOutcome.Done, null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || (stop.IsCancellationRequested && ex is SchemaPlannerException { SqlState: QueryCanceled }))
        {
            await HistoryStore.FinishAsync(connection, null, id, HistoryOutcome.Cancelled, "stopped by Ctrl+C", CancellationToken.None).ConfigureAwait(false);
            progress($"{counter} {file}: stopped (Ctrl+C); `schemaplan apply` runs it again");
            throw new OperationCanceledException("stopped by Ctrl+C", ex, stop);
        }
        catch (SchemaPlannerException ex) when (ex.InnerException is PostgresException)
        {
            await HistoryStore.FinishAsync(connection, null, id, HistoryOutcome.Failed, ex.Message, CancellationToken.None).ConfigureAwait(false);
            throw new SchemaPlannerException(
                ErrorKind.StepFailed,
                $"{ex.Message}; the step is recorded as failed in {HistoryStore.Table}: fix the cause and run `schemaplan apply` again (it runs the step again)",
                ex,
                ex.SqlState);
        }

        progress($"{counter} {file}: done in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    /// <summary>A database that is not where the plan starts is refused, with how it differs when the plan has its start schema.</summary>
    private static async Task CheckStartStateAsync(NpgsqlConnection connection, ApplyRequest request, string target, Action<string> progress, CancellationToken stop)
    {
        var live = await SchemaReader.ReadAsync(connection, stop).ConfigureAwait(false);
        if (SchemaFingerprint.Of(live.Model) == request.Manifest.From)
        {
            return;
        }

        var detail = "";
        if (request.FromSchema is { } from)
        {
            var changes = SchemaDiffer.Diff(from, live.Model).Changes;
            progress($"the database differs from the schema {request.Manifest.Folder} starts from ({changes.Count.ToString(CultureInfo.InvariantCulture)} difference(s), from the plan's start to the database):");
            foreach (var change in changes)
            {
                progress("  " + change.Describe());
            }

            detail = " (differences above)";
        }

        throw new SchemaPlannerException(
            ErrorKind.InvalidInput,
            $"--database: {target} is not in the state {request.Manifest.Folder} was planned from{detail}; nothing was run: apply it to the database it was planned from, or run `schemaplan plan` again against this one");
    }
}
