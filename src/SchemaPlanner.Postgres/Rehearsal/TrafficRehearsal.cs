using System.Diagnostics;
using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Rehearsal;

/// <summary>
/// Runs a plan step by step while both app versions write on the release timeline (the old version alone
/// before and during release 1's pre-deploy, old and new during backfill and verify, the new one alone from
/// post-deploy on), each live version first reaching every table whose state changed since it last ran on it
/// (a dwell, not a fixed wait), pausing the traffic at every step boundary to check the invariants (<see cref="BoundaryChecks"/>,
/// <see cref="ConstraintProbes"/>). Fails, naming the step, the invariant and an example row, when any statement
/// of either version fails, a row or value is lost or changed, a constraint is not enforced, a view is missing
/// or wrong, a step does not finish, or an app statement waits on a lock longer than the step's lock_timeout.
/// </summary>
public static class TrafficRehearsal
{
    public static async Task<RehearsalReport> RunAsync(
        string connectionString,
        SchemaModel current,
        SchemaModel desired,
        ShapeMap map,
        IReadOnlyList<ExecutableStep> steps,
        RehearsalOptions options,
        string rowsSource,
        IReadOnlyDictionary<QualifiedName, long> rows,
        Func<int, Task>? bothVersionsLive,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var checker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "schemaplan-rehearsal-check", Pooling = false }.ConnectionString);
        await checker.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The row and value checks only read, and the traffic is paused while they run: a second session runs half
        // of them at once (BoundaryChecks.RowsOfAllAsync). Probes write (then roll back) and stay on the first.
        await using var rowChecker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "schemaplan-rehearsal-check-rows", Pooling = false }.ConnectionString);
        await rowChecker.OpenAsync(cancellationToken).ConfigureAwait(false);

        var ledgers = await LedgerReads.LoadAsync(checker, map, current, cancellationToken).ConfigureAwait(false);
        var checks = new BoundaryChecks(current, desired);
        var placed = ledgers.Select((ledger, index) => (ledger, index)).ToDictionary(p => p.ledger, p => p.index);
        var stepTables = new StepTables(ledgers, current, desired);
        var writers = new Dictionary<(TableLedger, AppVersion), ShapeWriter>();
        var probes = new ConstraintProbes(checks)
        {
            WriterFor = (version, name) => writers.Where(w => w.Key.Item2 == version && w.Value.Shape.Name == name).Select(w => w.Value).FirstOrDefault(),
        };
        foreach (var ledger in ledgers)
        {
            foreach (var version in new[] { AppVersion.Old, AppVersion.New })
            {
                if (ledger.Mapping.Shape(version) is { } shape)
                {
                    writers[(ledger, version)] = new ShapeWriter(shape, checks.Model(version), ledger, version, UniqueInOther(ledger.Mapping, version), OtherTypes(ledger.Mapping, version));
                }
            }
        }

        var traffic = new Dictionary<AppVersion, AppTraffic>();
        foreach (var version in new[] { AppVersion.Old, AppVersion.New })
        {
            var tables = ledgers.Where(l => writers.ContainsKey((l, version))).Select(l => (l, writers[(l, version)])).ToList();
            var views = ViewsOver(checks.Model(version), tables.Select(t => t.Item2.Shape.Name)).Where(v => v.Kind == ViewKind.View).Select(v => v.Name).ToList();
            traffic[version] = new AppTraffic(connectionString, version, tables, views, UserStatements(options, version), options.TransactionsPerSecond, options.TrafficLimit)
            {
                OwnChecks = tables.SelectMany(t => t.Item2.Shape.Table.Constraints).Where(c => c.Kind == ConstraintKind.Check).Select(c => c.Name).ToHashSet(StringComparer.Ordinal),
            };
            traffic[version].Start();
        }

        var reports = new List<StepReport>();
        var boundaries = 0;
        var monitor = new LockWaitMonitor(connectionString);
        try
        {
            var live = new HashSet<AppVersion> { AppVersion.Old };

            // Files that may create, rename or drop types (StepTables.ChangesTypes) so far; the checker's and each
            // version's sessions reload their types when they have not seen the latest.
            var typeChanges = 0;
            var checkerTypes = 0;
            var appTypes = traffic.Keys.ToDictionary(v => v, _ => 0);
            // Per version, the watched tables whose state changed since it last wrote or read them: its next dwell reaches them.
            var unreached = traffic.ToDictionary(t => t.Key, t => ledgers.Where(l => writers.ContainsKey((l, t.Key))).ToHashSet());
            var acrossFromOld = false;
            var releaseDone = false;
            // After a step, the tables it can change (StepTables); at the other boundaries, every watched table.
            async Task BoundaryAsync(string where, IReadOnlySet<TableLedger>? only = null)
            {
                boundaries++;

                // A step may have created or renamed types (an enum swap): the checker must know them by their new OIDs.
                if (checkerTypes != typeChanges)
                {
                    checkerTypes = typeChanges;
                    await checker.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
                    await rowChecker.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var version in live.Order())
                {
                    var failure = traffic[version].Failure;
                    if (failure is not null)
                    {
                        throw Failed(where, "an app statement failed", failure);
                    }

                    var checkedLedgers = ledgers.Where(l => l.Mapping.Shape(version) is not null && (only is null || only.Contains(l))).ToList();
                    var across = version == AppVersion.Old || acrossFromOld;
                    if (await checks.RowsOfAllAsync([checker, rowChecker], placed, checkedLedgers, version, across, cancellationToken).ConfigureAwait(false) is { } rowFailure)
                    {
                        throw Failed(where, "rows and values", rowFailure);
                    }

                    foreach (var ledger in checkedLedgers)
                    {
                        if (await probes.RunAsync(checker, ledger, writers[(ledger, version)], version, cancellationToken).ConfigureAwait(false) is { } probeFailure)
                        {
                            throw Failed(where, "constraints", probeFailure);
                        }
                    }

                    // While the old version is live, views keep the old definition (its readers come first); the new
                    // definition must hold once a release is fully deployed (its post-deploy may be what re-points them).
                    if (version == AppVersion.Old || releaseDone)
                    {
                        foreach (var view in ViewsOver(checks.Model(version), ledgers.Select(l => l.Mapping.Shape(version)?.Name).OfType<QualifiedName>()))
                        {
                            if (await checks.ViewAsync(checker, view, version, cancellationToken).ConfigureAwait(false) is { } viewFailure)
                            {
                                throw Failed(where, "views", viewFailure);
                            }
                        }
                    }
                }
            }

            async Task SetLiveAsync(IEnumerable<AppVersion> versions)
            {
                live = versions.ToHashSet();
                foreach (var (version, app) in traffic)
                {
                    if (live.Contains(version))
                    {
                        app.ReloadTypes |= appTypes[version] != typeChanges;
                        appTypes[version] = typeChanges;
                        app.Resume();
                    }
                    else
                    {
                        await app.PauseAsync().ConfigureAwait(false);
                    }
                }
            }

            // Traffic of each version in versions until it has reached the tables of next and those it has not run on
            // since they changed (DwellLimit at most: what it did not reach stays for its next dwell).
            async Task DwellAsync(IReadOnlyList<AppVersion> versions, IReadOnlySet<TableLedger> next)
            {
                var dwells = versions.Select(v => traffic[v].Dwell(unreached[v].Concat(next), options.OperationsBeforeStep)).ToList();
                await SetLiveAsync(versions).ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(dwells).WaitAsync(options.DwellLimit, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }

                foreach (var version in versions)
                {
                    unreached[version].ExceptWith(traffic[version].EndDwell());
                }
            }

            void Changed(IReadOnlySet<TableLedger> tables)
            {
                foreach (var tablesOf in unreached.Values)
                {
                    tablesOf.UnionWith(tables);
                }
            }

            async Task PauseAllAsync()
            {
                foreach (var app in traffic.Values)
                {
                    await app.PauseAsync().ConfigureAwait(false);
                }
            }

            // The old version alone first: the ledger and the probes are proven on the schema as it is.
            var started = Stopwatch.GetTimestamp();
            await DwellAsync([AppVersion.Old], new HashSet<TableLedger>()).ConfigureAwait(false);
            await PauseAllAsync().ConfigureAwait(false);
            reports.Add(new StepReport("(before the plan: the old version alone)", 0, "before", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), traffic[AppVersion.Old].TakeFigures(), VersionFigures.None, 0));
            await BoundaryAsync("before the plan").ConfigureAwait(false);
            foreach (var release in steps.GroupBy(s => s.Release).OrderBy(g => g.Key))
            {
                var before = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
                var hookDone = false;
                releaseDone = false;
                foreach (var step in release.OrderBy(s => s.Phase))
                {
                    if (!hookDone && step.Phase > Phase.Backfill && bothVersionsLive is not null)
                    {
                        hookDone = true;
                        await PauseAllAsync().ConfigureAwait(false);
                        await bothVersionsLive(release.Key).ConfigureAwait(false);
                    }

                    var versions = step.Phase switch
                    {
                        Phase.PreDeploy => [release.Key == 1 ? AppVersion.Old : AppVersion.New],
                        Phase.Backfill or Phase.Verify => release.Key == 1 ? new[] { AppVersion.Old, AppVersion.New } : [AppVersion.New],
                        _ => [AppVersion.New],
                    };
                    var touched = stepTables.TouchedBy(step.UpSql);
                    await DwellAsync(versions, touched).ConfigureAwait(false);
                    reports.Add(await RunStepAsync(connection, step, options, monitor, traffic, cancellationToken).ConfigureAwait(false));
                    typeChanges += StepTables.ChangesTypes(step.UpSql) ? 1 : 0;
                    await PauseAllAsync().ConfigureAwait(false);
                    Changed(touched);
                    // Rows the old version wrote read through the new shape once the release's backfill is done.
                    var ordered = release.OrderBy(s => s.Phase).ToList();
                    acrossFromOld |= release.Key > 1 || step.Phase > Phase.Backfill || (step.Phase == Phase.Backfill && ordered.FindLastIndex(s => s.Phase == Phase.Backfill) == ordered.IndexOf(step));

                    releaseDone = step == release.OrderBy(s => s.Phase).Last();
                    await BoundaryAsync($"after {step.UpFile}", touched).ConfigureAwait(false);
                    await SetLiveAsync(versions).ConfigureAwait(false);
                }

                await PauseAllAsync().ConfigureAwait(false);
                if (options.RoundTripReleases && release.All(s => s.Reversible))
                {
                    foreach (var step in release.Reverse())
                    {
                        await RunFileAsync(connection, step.DownFile, step.DownSql, step.Transactional, cancellationToken).ConfigureAwait(false);
                    }

                    typeChanges++;
                    var undone = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
                    PlanRehearsal.Require(undone, before, $"after the down files of release {release.Key}, the schema differs from the one the release started from");
                    var rolledBack = live;
                    live = [release.Key == 1 ? AppVersion.Old : AppVersion.New];
                    await BoundaryAsync($"after the down files of release {release.Key} (a rollback must keep every row and value)").ConfigureAwait(false);

                    // What the rolled-back schema holds is now the truth: values only the newer shape could hold are gone by
                    // design, and so are the rows of a table the release created.
                    foreach (var ledger in ledgers)
                    {
                        if (new[] { ledger.Mapping.Old, ledger.Mapping.New }.All(s => s is null || undone.FindTable(s.Name) is null))
                        {
                            ledger.Clear();
                        }

                        await LedgerReads.ReloadAsync(checker, ledger, live.Single(), checks.Model(live.Single()), cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var step in release)
                    {
                        await RunFileAsync(connection, step.UpFile, step.UpSql, step.Transactional, cancellationToken).ConfigureAwait(false);
                    }

                    typeChanges++;
                    foreach (var step in release)
                    {
                        Changed(stepTables.TouchedBy(step.UpSql + "\n" + step.DownSql));
                    }

                    live = rolledBack;
                    await BoundaryAsync($"after release {release.Key} ran up again").ConfigureAwait(false);
                }
            }

            await PauseAllAsync().ConfigureAwait(false);
            live = [AppVersion.New];
            acrossFromOld = true;
            releaseDone = true;
            await BoundaryAsync("after the whole plan").ConfigureAwait(false);
            var result = (await SchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).Model;
            PlanRehearsal.Require(result, desired, "after every release, the database still differs from the desired schema");
        }
        finally
        {
            foreach (var app in traffic.Values)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            await monitor.DisposeAsync().ConfigureAwait(false);
        }

        return new RehearsalReport(rowsSource, rows, reports, boundaries, checks.ValueChecks, probes.Rejected, checks.ViewChecks, traffic.Values.Sum(t => t.RejectedByOwnChecks));
    }

    private static async Task<StepReport> RunStepAsync(NpgsqlConnection connection, ExecutableStep step, RehearsalOptions options, LockWaitMonitor monitor, IReadOnlyDictionary<AppVersion, AppTraffic> traffic, CancellationToken cancellationToken)
    {
        // Figures since the last boundary: the traffic just before the step (the dwell) and during it.
        monitor.Reset();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StepTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await RunFileAsync(connection, step.UpFile, step.UpSql, step.Transactional, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(step.UpFile, "every step finishes", $"the step did not finish within {options.StepTimeout.TotalSeconds:0} s under traffic");
        }
        catch (SchemaPlannerException ex) when (ex.InnerException is NpgsqlException { InnerException: TimeoutException or OperationCanceledException } && !cancellationToken.IsCancellationRequested)
        {
            throw Failed(step.UpFile, "every step finishes", $"the step did not finish within {options.StepTimeout.TotalSeconds:0} s under traffic");
        }

        var duration = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var lockWait = monitor.LongestWaitMs;
        // A step without lock_timeout (a backfill batch, a CONCURRENTLY build) is held to a looser bound: its row
        // locks last one batch, and a 2-core machine under load stretches that.
        var bound = LockTimeouts.Milliseconds(step.LockTimeout) ?? options.LockWaitWithoutTimeout.TotalMilliseconds;
        // Plus the time the DDL itself holds the lock once it has it, which a loaded 2-core machine stretches.
        if (lockWait > bound + 2_000)
        {
            throw Failed(step.UpFile, "no app statement waits on a lock longer than the step's lock_timeout", $"an app statement waited {lockWait:0} ms on a lock (the step's lock_timeout is {step.LockTimeout ?? "unset"})");
        }

        return new StepReport(step.UpFile, step.Release, PhaseNames.Of(step.Phase), Math.Round(duration, 1), traffic[AppVersion.Old].TakeFigures(), traffic[AppVersion.New].TakeFigures(), Math.Round(lockWait, 1));
    }

    private static async Task RunFileAsync(NpgsqlConnection connection, string file, string sql, bool transactional, CancellationToken cancellationToken)
    {
        try
        {
            await StepRunner.RunFileAsync(connection, file, sql, transactional, cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaPlannerException ex)
        {
            throw new SchemaPlannerException(ErrorKind.Planning, $"rehearsal failed at {file}: {ex.Message}", ex, ex.SqlState);
        }
    }

    private static SchemaPlannerException Failed(string where, string invariant, string detail) =>
        new(ErrorKind.Planning, $"rehearsal failed {(where.StartsWith("after", StringComparison.Ordinal) || where.StartsWith("before", StringComparison.Ordinal) ? where : "at " + where)}: invariant \"{invariant}\" broken: {detail}");

    /// <summary>Columns of <paramref name="version"/>'s shape whose counterparts the other version's schema keeps unique.</summary>
    private static IEnumerable<string> UniqueInOther(TableMapping mapping, AppVersion version)
    {
        var other = version == AppVersion.Old ? AppVersion.New : AppVersion.Old;
        if (mapping.Shape(other) is not { } otherShape || mapping.Shape(version) is not { } shape)
        {
            return [];
        }

        var unique = otherShape.Table.Constraints.Where(c => c.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey or ConstraintKind.Exclusion).SelectMany(c => c.Columns)
            .Concat(otherShape.Table.Indexes.Where(i => i.Unique).SelectMany(i => i.Keys))
            .ToHashSet(StringComparer.Ordinal);
        var derivation = mapping.Derivation(other, version);
        return shape.Columns.Where(c => derivation.TryGetValue(c.Name, out var e) && unique.Any(u => Sql.Quote(u) == e)).Select(c => c.Name).ToList();
    }

    /// <summary>The other version's type of each column of <paramref name="version"/>'s shape that it copies as is.</summary>
    private static IReadOnlyDictionary<string, string> OtherTypes(TableMapping mapping, AppVersion version)
    {
        var other = version == AppVersion.Old ? AppVersion.New : AppVersion.Old;
        if (mapping.Shape(other) is not { } otherShape || mapping.Shape(version) is not { } shape)
        {
            return new Dictionary<string, string>();
        }

        var derivation = mapping.Derivation(version, other);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in otherShape.Columns)
        {
            if (derivation.TryGetValue(column.Name, out var e) && shape.Columns.FirstOrDefault(c => Sql.Quote(c.Name) == e) is { } mine)
            {
                types[mine.Name] = column.Type;
            }
        }

        return types;
    }

    /// <summary>Views (and views over them) of a schema that read any of the tables.</summary>
    internal static IReadOnlyList<View> ViewsOver(SchemaModel model, IEnumerable<QualifiedName> tables) => model.ViewsReading(tables);

    private static IReadOnlyList<SqlStatement> UserStatements(RehearsalOptions options, AppVersion version)
    {
        var (text, file) = version == AppVersion.Old ? (options.OldWorkload, options.OldWorkloadFile) : (options.NewWorkload, options.NewWorkloadFile);
        return text is null ? [] : SqlScript.Split(file ?? (version == AppVersion.Old ? "rehearsal.old" : "rehearsal.new"), text);
    }
}
