using System.Diagnostics;
using Npgsql;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Bench;

/// <summary>
/// The PostgreSQL server the bench runs on: the server named by <c>SCHEMAPLAN_BENCH_DATABASE</c>, or a
/// <see cref="TemporaryCluster"/> restarted once with <c>pg_stat_statements</c> preloaded so that the statements
/// each tool sends can be counted by the server itself.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string ServerVariable = "SCHEMAPLAN_BENCH_DATABASE";

    private readonly TemporaryCluster? cluster;

    private BenchServer(string connectionString, TemporaryCluster? cluster, string description)
    {
        ConnectionString = connectionString;
        this.cluster = cluster;
        Description = description;
    }

    /// <summary>Keyword-form connection string to the server's maintenance database.</summary>
    public string ConnectionString { get; }

    public string Description { get; }

    /// <summary>True when pg_stat_statements is loaded and can be reset and read.</summary>
    public bool TracksStatements { get; private set; }

    public string? TrackingProblem { get; private set; }

    public string Version { get; private set; } = "?";

    public static async Task<BenchServer> StartAsync(CancellationToken ct)
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        BenchServer server;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var conn = ConnectionStrings.Normalize(configured);
            server = new BenchServer(conn, null, $"{ServerVariable} ({new NpgsqlConnectionStringBuilder(conn).Host})");
        }
        else
        {
            var started = await TemporaryCluster.StartAsync(ct);
            server = new BenchServer(started.ConnectionString, started, "throwaway TemporaryCluster (fsync=off)");
            await server.PreloadStatementTrackingAsync(started, ct);
        }

        await server.EnableTrackingAsync(ct);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// CPU seconds (user + system) the server's processes have used so far: the postmaster with its reaped
    /// children (exited backends) plus every live child. Only for the throwaway cluster (its processes are
    /// local); null for a server given by <see cref="ServerVariable"/>.
    /// </summary>
    public double? ServerCpuSeconds()
    {
        if (cluster is null)
        {
            return null;
        }

        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(dir);
                if (!int.TryParse(name, out var pid))
                {
                    continue;
                }

                var stat = ProcStat(pid);
                if (stat is null)
                {
                    continue;
                }

                if (pid == postmaster)
                {
                    ticks += stat.Value.Own + stat.Value.Children;
                }
                else if (stat.Value.Parent == postmaster)
                {
                    ticks += stat.Value.Own + stat.Value.Children;
                }
            }

            return ticks / 100.0;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Fields of /proc/PID/stat: ppid, utime + stime, cutime + cstime (in clock ticks of 1/100 s).</summary>
    private static (int Parent, long Own, long Children)? ProcStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");

            // The command name is in parentheses and may contain spaces: fields are counted after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            return (int.Parse(fields[1], inv), long.Parse(fields[11], inv) + long.Parse(fields[12], inv), long.Parse(fields[13], inv) + long.Parse(fields[14], inv));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Task<ScratchDatabase> CreateDatabaseAsync(CancellationToken ct) => ScratchDatabase.CreateAsync(ConnectionString, ct);

    /// <summary>postgresql:// URL form of a keyword connection string (for migra and the CLI).</summary>
    public static string ToUrl(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(b.Username ?? "postgres");
        var password = string.IsNullOrEmpty(b.Password) ? string.Empty : ":" + Uri.EscapeDataString(b.Password);
        var host = b.Host ?? "localhost";
        if (host.Contains(':', StringComparison.Ordinal))
        {
            host = "[" + host + "]";
        }

        var sslmode = b.SslMode is SslMode.Disable or SslMode.Prefer ? string.Empty : "?sslmode=" + b.SslMode.ToString().ToLowerInvariant();
        return $"postgresql://{user}{password}@{host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}{sslmode}";
    }

    public async Task ExecuteAsync(string database, string sql, CancellationToken ct, int timeoutSeconds = 600)
    {
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, CommandTimeout = timeoutSeconds, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<object?[]>> QueryAsync(string? database, string sql, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        if (database is not null)
        {
            b.Database = database;
        }

        await using var connection = new NpgsqlConnection(b.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task ResetStatementsAsync(CancellationToken ct)
    {
        if (TracksStatements)
        {
            await QueryAsync(null, "SELECT pg_stat_statements_reset()", ct);
        }
    }

    /// <summary>
    /// Executions recorded by pg_stat_statements since the last reset in the given databases (every statement
    /// the client sent, BEGIN/SET/COMMIT and the driver's own queries included), or null when not tracked.
    /// </summary>
    public async Task<StatementCount?> CountStatementsAsync(IReadOnlyList<string> databases, CancellationToken ct)
    {
        if (!TracksStatements)
        {
            return null;
        }

        var names = string.Join(", ", databases.Select(d => "'" + d.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var rows = await QueryAsync(
            null,
            "SELECT d.datname, s.calls, s.total_exec_time, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) " +
            "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid " +
            $"WHERE d.datname IN ({names}) ORDER BY s.total_exec_time DESC",
            ct);
        var perStatement = rows
            .Select(r => new TrackedStatement((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), (double)r[2]!, (string)r[3]!))
            .ToList();
        return new StatementCount(perStatement.Sum(s => s.Calls), perStatement);
    }

    private async Task PreloadStatementTrackingAsync(TemporaryCluster started, CancellationToken ct)
    {
        try
        {
            await QueryAsync(null, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", ct);
            // Background vacuum/analyze would add server CPU time that belongs to no tool; the bench ANALYZEs
            // each database once after building it instead.
            await QueryAsync(null, "ALTER SYSTEM SET autovacuum = off", ct);

            // pg_stat_statements.track_utility is on by default (BEGIN/SET/COMMIT are counted); its settings
            // cannot be set with ALTER SYSTEM before the library is loaded.
            NpgsqlConnection.ClearAllPools();

            // Restart as the same OS account TemporaryCluster started it with (postgres when we are root).
            var pgCtl = PostgresBinaries.Find().PgCtl;
            var asRoot = Environment.UserName == "root";
            var psi = new ProcessStartInfo
            {
                FileName = asRoot ? "runuser" : pgCtl,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = started.RootDirectory,
            };
            if (asRoot)
            {
                foreach (var a in new[] { "-u", "postgres", "--", pgCtl })
                {
                    psi.ArgumentList.Add(a);
                }
            }

            foreach (var a in new[] { "restart", "-D", started.DataDirectory, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(started.RootDirectory, "server.log") })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                TrackingProblem = "pg_ctl restart failed: " + (await stdout + await stderr).Trim();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.ComponentModel.Win32Exception or Errors.SchemaPlannerException)
        {
            TrackingProblem = "could not preload pg_stat_statements: " + ex.Message;
        }
    }

    private async Task EnableTrackingAsync(CancellationToken ct)
    {
        Version = (string)(await QueryAsync(null, "SELECT current_setting('server_version')", ct))[0][0]!;
        try
        {
            var preload = (string)(await QueryAsync(null, "SELECT current_setting('shared_preload_libraries')", ct))[0][0]!;
            if (!preload.Contains("pg_stat_statements", StringComparison.Ordinal))
            {
                TrackingProblem ??= "pg_stat_statements is not in shared_preload_libraries";
                return;
            }

            await QueryAsync(null, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
            if ((string)(await QueryAsync(null, "SELECT current_setting('pg_stat_statements.track_utility')", ct))[0][0]! != "on")
            {
                TrackingProblem = "pg_stat_statements.track_utility is off: BEGIN/SET/COMMIT are not counted";
            }

            await QueryAsync(null, "SELECT pg_stat_statements_reset()", ct);
            TracksStatements = true;
        }
        catch (PostgresException ex)
        {
            TrackingProblem = "pg_stat_statements unusable: " + ex.MessageText;
        }
    }
}

internal sealed record TrackedStatement(string Database, long Calls, double TotalMs, string Query);

internal sealed record StatementCount(long Calls, IReadOnlyList<TrackedStatement> Statements);
