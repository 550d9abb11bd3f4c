using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using SchemaPlanner.Introspection;

namespace SchemaPlanner.Bench;

/// <summary>
/// Times each embedded catalog query on its own (same transaction mode and search_path as SchemaReader) and
/// writes EXPLAIN (ANALYZE, BUFFERS) of the slowest ones to bench/results/, to see which query dominates.
/// </summary>
internal static class CatalogQueryBreakdown
{
    public static async Task RunAsync(BenchServer server, string database, int size, string repoRoot, Action<string> say, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = false, CommandTimeout = 600 }.ConnectionString;
        int major;
        await using (var probe = new NpgsqlConnection(cs))
        {
            await probe.OpenAsync(ct);
            major = probe.PostgreSqlVersion.Major;
        }

        // The queries as SchemaReader sends them: the text for this server's version, after the read's transaction
        // settings and without the planner methods a query runs without (CatalogQueries.PlannerMethodsOff).
        var queries = CatalogQueries.Names
            .Select(name => (Name: name, Sql: CatalogQueries.Load(name, major),
                Begin: "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    + string.Concat(CatalogQueries.TransactionSettings.Select(setting => "; SET LOCAL " + setting))
                    + (CatalogQueries.PlannerMethodsOff.TryGetValue(name, out var off) ? $"; SET LOCAL {off} = off" : "")))
            .ToList();

        // Each execution gets a new backend, as every `schemaplan diff` run does: its catalog and relation caches
        // start cold, so functions that open relations (pg_total_relation_size, pg_get_expr with a relation)
        // pay for building them. Backend CPU comes from /proc when the server is local.
        var timings = new List<(string Name, double Ms, double? CpuMs, int Rows, long Locks)>();
        foreach (var (name, sql, begin) in queries)
        {
            var runs = new List<double>();
            var cpus = new List<double>();
            var rows = 0;
            long locks = 0;
            for (var i = 0; i < 3; i++)
            {
                await using var perRun = new NpgsqlConnection(cs);
                await perRun.OpenAsync(ct);
                var pid = await QueryScalarAsync(perRun, "SELECT pg_backend_pid()", ct);
                await ExecAsync(perRun, begin, ct);
                var cpuBefore = BackendCpuMs(pid);
                var sw = Stopwatch.StartNew();
                await using (var command = new NpgsqlCommand(sql, perRun))
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    rows = 0;
                    while (await reader.ReadAsync(ct))
                    {
                        for (var f = 0; f < reader.FieldCount; f++)
                        {
                            _ = reader.IsDBNull(f) ? null : reader.GetValue(f);
                        }

                        rows++;
                    }
                }

                runs.Add(sw.Elapsed.TotalMilliseconds);
                if (cpuBefore is not null && BackendCpuMs(pid) is { } cpuAfter)
                {
                    cpus.Add(cpuAfter - cpuBefore.Value);
                }

                // Relation locks the query left held until the end of the read's transaction.
                locks = await QueryScalarAsync(perRun, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'", ct);
                await ExecAsync(perRun, "ROLLBACK", ct);
            }

            timings.Add((name, Bench.Median(runs), cpus.Count > 0 ? Bench.Median(cpus) : null, rows, locks));
        }

        var sum = timings.Sum(t => t.Ms);
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync(ct);
        var lockLimit = await QueryScalarAsync(connection, "SELECT current_setting('max_locks_per_transaction')::int * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int)", ct);
        var cpuSum = timings.Sum(t => t.CpuMs ?? 0);
        say($"catalog queries one by one on the {size}-table database a, each on a new connection (median of 3; wall incl. fetching rows, sum {sum:0} ms; backend CPU sum {cpuSum:0} ms):");
        say("| query | wall ms | backend CPU ms | rows | share of wall | relation locks held after it |");
        say("|---|---:|---:|---:|---:|---:|");
        foreach (var t in timings.OrderByDescending(t => t.CpuMs ?? t.Ms))
        {
            say($"| {t.Name} | {t.Ms:0.0} | {(t.CpuMs is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : "n/a")} | {t.Rows} | {t.Ms / sum * 100:0}% | {t.Locks} |");
        }

        say($"(the server's whole shared lock table holds about {lockLimit} relation locks: max_locks_per_transaction x (max_connections + max_prepared_transactions);" +
            $" one SchemaReader.ReadAsync holds the union of the locks above until COMMIT)");

        var outDir = Path.Combine(repoRoot, "bench", "results");
        Directory.CreateDirectory(outDir);
        var text = new StringBuilder();
        foreach (var t in timings.OrderByDescending(t => t.CpuMs ?? t.Ms).Take(3))
        {
            var (_, sql, begin) = queries.First(q => q.Name == t.Name);
            text.Append("==== ").Append(t.Name).Append(".sql on ").Append(size.ToString(CultureInfo.InvariantCulture)).Append(" tables ====\n");
            await ExecAsync(connection, begin, ct);
            await using (var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    text.Append(reader.GetString(0)).Append('\n');
                }
            }

            await ExecAsync(connection, "ROLLBACK", ct);
            text.Append('\n');
        }

        var file = Path.Combine(outDir, $"explain-{size}.txt");
        await File.WriteAllTextAsync(file, text.ToString(), ct);
        say($"EXPLAIN (ANALYZE, BUFFERS) of the 3 slowest written to {Path.GetRelativePath(repoRoot, file)}");
    }

    /// <summary>user + system CPU of a local server process in ms (clock ticks of 10 ms), or null when not local.</summary>
    private static double? BackendCpuMs(long pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static async Task<long> QueryScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
