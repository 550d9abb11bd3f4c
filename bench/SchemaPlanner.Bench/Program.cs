using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using SchemaPlanner.Analysis;
using SchemaPlanner.Bench;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Sources;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (OperationCanceledException ex)
{
    Console.WriteLine(ex.Message);
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

if (options.EmitSqlDirectory is { } emitTo)
{
    Directory.CreateDirectory(emitTo);
    foreach (var size in options.Sizes)
    {
        foreach (var variantB in new[] { false, true })
        {
            var file = Path.Combine(emitTo, $"{(variantB ? "b" : "a")}-{size}.sql");
            await File.WriteAllTextAsync(file, string.Join("COMMIT;\nBEGIN;\n", SyntheticSchema.Script(size, variantB)).Insert(0, "BEGIN;\n") + "COMMIT;\n");
            Console.WriteLine(file);
        }
    }

    return 0;
}

if (options.RehearseSample)
{
    var printed = new StringBuilder();
    void Say(string line)
    {
        Console.WriteLine(line);
        printed.AppendLine(line);
    }

    Say($"SchemaPlanner sample rehearsal, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    var exit = await SampleRehearsal.RunAsync(options, Say, cts.Token);
    if (options.MarkdownOut is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.MarkdownOut)!);
        await File.WriteAllTextAsync(options.MarkdownOut, printed.ToString(), cts.Token);
    }

    return exit;
}

var bench = new Bench(options);
return await bench.RunAsync(cts.Token);

namespace SchemaPlanner.Bench
{
    internal sealed record SizeResult(
        int Size,
        int TablesA,
        int TablesB,
        double SetupSeconds,
        double IntrospectAMs,
        double IntrospectBMs,
        double DiffMs,
        double AnalyzeMs,
        int Changes,
        int ClaimedStatements,
        long? MeasuredStatementsA,
        long? MeasuredStatementsB,
        double InProcessE2eMs,
        double LiveHeapMb,
        double AllocatedMb,
        double ProcessPeakMb,
        ToolRun? Cli,
        ToolRun? Migra,
        string Variation,
        string Load,
        double InProcessClientCpuMs,
        double? InProcessServerCpuMs);

    /// <summary>Median of a tool's end-to-end runs; null times mean it failed or timed out.</summary>
    /// <summary>CpuMs: median of the tool process's CPU (with children) plus the PostgreSQL server's CPU during the run.</summary>
    internal sealed record ToolRun(double? MedianMs, int Runs, double? PeakRssMb, long? Statements, string Note, double? ClientCpuMs, double? ServerCpuMs)
    {
        public double? CpuMs => ClientCpuMs is null ? null : ClientCpuMs + (ServerCpuMs ?? 0);
    }

    internal sealed class Bench(Options options)
    {
        private readonly StringBuilder log = new();
        private bool warmedUp;

        public async Task<int> RunAsync(CancellationToken ct)
        {
            Say($"SchemaPlanner bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Say($"machine: {Environment.ProcessorCount} cores, {MemoryGb():0.#} GB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {CpuModel()}");
            Say($"sizes: {string.Join(", ", options.Sizes)}; runs: {options.Runs} (medians reported)");

            var migraAvailable = options.Migra && File.Exists(options.MigraPath);
            if (options.Migra && !migraAvailable)
            {
                Say($"migra not found at {options.MigraPath}: run `npm install --prefix bench/.tools @pgkit/migra` (bench/run.sh does); skipping migra");
            }

            var cliAvailable = options.Cli && File.Exists(options.CliPath);
            if (options.Cli && !cliAvailable)
            {
                Say($"schemaplan CLI not found at {options.CliPath}: build it Release (bench/run.sh does); skipping CLI runs");
            }

            var sw = Stopwatch.StartNew();
            await using var server = await BenchServer.StartAsync(ct);
            Say($"server: PostgreSQL {server.Version} on {server.Description}, ready in {sw.Elapsed.TotalSeconds:0.0} s");
            Say(server.TracksStatements
                ? "statement counting: pg_stat_statements, calls per database between a reset and the count" + (server.TrackingProblem is null ? string.Empty : $" ({server.TrackingProblem})")
                : $"statement counting: unavailable ({server.TrackingProblem}); only SchemaReader.StatementsPerRead is shown");

            var results = new List<SizeResult>();
            foreach (var size in options.Sizes)
            {
                ct.ThrowIfCancellationRequested();
                results.Add(await RunSizeAsync(server, size, size == options.Sizes.Max() && options.Explain, migraAvailable, cliAvailable, ct));
            }

            var report = Report.Render(results, server.TracksStatements);
            Say(string.Empty);
            Say(report);
            Say($"total bench time {sw.Elapsed.TotalSeconds:0} s");
            if (options.MarkdownOut is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(options.MarkdownOut)!);
                await File.WriteAllTextAsync(options.MarkdownOut, log.ToString(), ct);
            }

            return 0;
        }

        private async Task<SizeResult> RunSizeAsync(BenchServer server, int size, bool explain, bool migra, bool cli, CancellationToken ct)
        {
            Say(string.Empty);
            var loadAtStart = LoadAverage();
            Say($"== {size} tables == (load average {loadAtStart})");
            var variation = SyntheticSchema.Describe(size);
            await using var a = await server.CreateDatabaseAsync(ct);
            await using var b = await server.CreateDatabaseAsync(ct);

            // Both databases are built at once (one server backend each); catalogs are analyzed afterwards as
            // autovacuum would have done on any database that has lived a while.
            var setup = Stopwatch.StartNew();
            await Task.WhenAll(BuildAsync(server, a.Name, size, variantB: false, ct), BuildAsync(server, b.Name, size, variantB: true, ct));
            setup.Stop();
            Say($"created {a.Name} ({size} tables) and {b.Name} ({size + SyntheticSchema.ExtraTables(size)} tables: {variation}) in {setup.Elapsed.TotalSeconds:0.0} s");

            if (!warmedUp)
            {
                // JIT, Npgsql's type loading and the embedded-query reads happen once per process, not per size.
                var warmA = await SchemaReader.ReadAsync(a.ConnectionString, ct);
                var warmB = await SchemaReader.ReadAsync(b.ConnectionString, ct);
                _ = SchemaDiffer.Diff(warmA.Model, warmB.Model);
                _ = SchemaAnalyzer.Analyze(Loaded(warmA, "a"), Loaded(warmB, "b"), Request());
                warmedUp = true;
            }

            var readA = new List<double>();
            var readB = new List<double>();
            var diffs = new List<double>();
            var analyses = new List<double>();
            var totals = new List<double>();
            var clientCpu = new List<double>();
            var serverCpu = new List<double>();
            double liveHeap = 0, allocated = 0;
            long? statementsA = null, statementsB = null;
            var changes = 0;
            int tablesA = 0, tablesB = 0;
            for (var run = 0; run < options.Runs; run++)
            {
                var last = run == options.Runs - 1;
                if (last)
                {
                    await server.ResetStatementsAsync(ct);
                }

                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                using var me = Process.GetCurrentProcess();
                var cpuBefore = me.TotalProcessorTime;
                var serverBefore = server.ServerCpuSeconds();
                // Both reads at once, as SchemaAnalyzer does; each read is timed on its own as well.
                var total = Stopwatch.StartNew();
                async Task<(Model.DatabaseSchema Schema, double Ms)> TimedRead(string connectionString)
                {
                    var watch = Stopwatch.StartNew();
                    var schema = await SchemaReader.ReadAsync(connectionString, ct);
                    return (schema, watch.Elapsed.TotalMilliseconds);
                }

                var readingA = TimedRead(a.ConnectionString);
                var readingB = TimedRead(b.ConnectionString);
                await Task.WhenAll(readingA, readingB);
                var (schemaA, msA) = await readingA;
                var (schemaB, msB) = await readingB;
                readA.Add(msA);
                readB.Add(msB);
                var step = Stopwatch.StartNew();
                var diff = SchemaDiffer.Diff(schemaA.Model, schemaB.Model);
                diffs.Add(step.Elapsed.TotalMilliseconds);
                totals.Add(total.Elapsed.TotalMilliseconds);
                me.Refresh();
                clientCpu.Add((me.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                if (serverBefore is not null && server.ServerCpuSeconds() is { } serverAfter)
                {
                    serverCpu.Add((serverAfter - serverBefore.Value) * 1000);
                }
                allocated = Math.Max(allocated, (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0);

                // Live: both models and the diff, after a full collection, while still referenced.
                liveHeap = Math.Max(liveHeap, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
                changes = diff.Changes.Count;
                tablesA = schemaA.Model.Tables.Count;
                tablesB = schemaB.Model.Tables.Count;

                if (last)
                {
                    var countA = await server.CountStatementsAsync([a.Name], ct);
                    statementsA = countA?.Calls;
                    if (countA is not null && size == options.Sizes.Min())
                    {
                        Say($"statements pg_stat_statements recorded in database a during one ReadAsync ({countA.Calls} calls):");
                        foreach (var st in countA.Statements.OrderByDescending(x => x.TotalMs))
                        {
                            Say($"  {st.Calls,3} x {st.TotalMs,8:0.0} ms  {st.Query}");
                        }
                    }

                    statementsB = (await server.CountStatementsAsync([b.Name], ct))?.Calls;
                }

                // What `schemaplan diff` adds in process: classification of every change.
                step.Restart();
                _ = SchemaAnalyzer.Analyze(Loaded(schemaA, "a"), Loaded(schemaB, "b"), Request());
                analyses.Add(step.Elapsed.TotalMilliseconds);
                GC.KeepAlive(schemaA);
                GC.KeepAlive(schemaB);
                GC.KeepAlive(diff);
            }

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var peakWs = self.PeakWorkingSet64 / 1048576.0;
            Say($"in-process: read a {Median(readA):0} ms, read b {Median(readB):0} ms, diff {Median(diffs):0.0} ms ({changes} changes), " +
                $"diff+classify {Median(analyses):0.0} ms, e2e {Median(totals):0} ms (CPU: client {Median(clientCpu):0} ms + server {(serverCpu.Count > 0 ? Median(serverCpu).ToString("0", CultureInfo.InvariantCulture) : "n/a")} ms); live heap {liveHeap:0.0} MB, allocated {allocated:0.0} MB per e2e, " +
                $"process peak WS {peakWs:0} MB; statements per read: {SchemaReader.StatementsPerRead} claimed, {statementsA?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} measured");

            var urlA = BenchServer.ToUrl(a.ConnectionString);
            var urlB = BenchServer.ToUrl(b.ConnectionString);
            ToolRun? cliRun = null;
            if (cli)
            {
                cliRun = await RunToolAsync(
                    server,
                    "schemaplan CLI",
                    "dotnet",
                    [options.CliPath!, "diff", "--database", urlA, "--desired", urlB, "--format", "json"],
                    [a.Name, b.Name],
                    ok: code => code is 0 or 1,
                    showStatements: size == options.Sizes.Min(),
                    ct);
            }

            ToolRun? migraRun = null;
            if (migra)
            {
                migraRun = await RunToolAsync(
                    server,
                    "migra",
                    options.MigraPath!,
                    ["run", urlA, urlB, "--unsafe"],
                    [a.Name, b.Name],
                    ok: code => code is 0 or 2,
                    showStatements: size == options.Sizes.Min(),
                    ct);
            }

            if (explain)
            {
                await CatalogQueryBreakdown.RunAsync(server, a.Name, size, options.RepoRoot, Say, ct);
            }

            return new SizeResult(
                size, tablesA, tablesB, setup.Elapsed.TotalSeconds, Median(readA), Median(readB), Median(diffs), Median(analyses), changes,
                SchemaReader.StatementsPerRead, statementsA, statementsB, Median(totals), liveHeap, allocated, peakWs, cliRun, migraRun, variation.ToString(),
                $"{loadAtStart} -> {LoadAverage()}",
                Median(clientCpu),
                serverCpu.Count > 0 ? Median(serverCpu) : null);
        }

        private async Task<ToolRun> RunToolAsync(
            BenchServer server, string label, string fileName, string[] arguments, string[] databases, Func<int, bool> ok, bool showStatements, CancellationToken ct)
        {
            // An empty working folder: no schemaplan.json or .env is picked up by accident.
            var workDir = Directory.CreateTempSubdirectory("schemaplan-bench-").FullName;
            var times = new List<double>();
            var clientCpu = new List<double>();
            var serverCpu = new List<double>();
            double? peak = null;
            long? statements = null;
            var note = string.Empty;
            var budget = Stopwatch.StartNew();
            try
            {
                for (var run = 0; run < options.Runs; run++)
                {
                    // Slow tools are repeated only while the repetitions stay within ~2 minutes.
                    if (run > 0 && budget.Elapsed + TimeSpan.FromMilliseconds(times.Max()) > TimeSpan.FromSeconds(120))
                    {
                        break;
                    }

                    await server.ResetStatementsAsync(ct);
                    var serverBefore = server.ServerCpuSeconds();
                    var result = await ExternalRun.RunAsync(fileName, arguments, workDir, options.ExternalTimeout, ct);

                    // Let the postmaster reap the tool's backends, so their CPU time is counted.
                    await Task.Delay(100, ct);
                    var serverAfter = server.ServerCpuSeconds();
                    if (result.TimedOut)
                    {
                        note = $"timed out after {options.ExternalTimeout.TotalSeconds:0} s";
                        Say($"{label}: {note}");
                        break;
                    }

                    if (!ok(result.ExitCode))
                    {
                        note = $"exit code {result.ExitCode}";
                        Say($"{label}: failed with exit code {result.ExitCode}: {Tail(result.Stderr + result.Stdout)}");
                        break;
                    }

                    times.Add(result.WallMs);
                    if (result.CpuMs is { } cpu)
                    {
                        clientCpu.Add(cpu);
                    }

                    if (serverBefore is not null && serverAfter is not null)
                    {
                        serverCpu.Add((serverAfter.Value - serverBefore.Value) * 1000);
                    }

                    peak = Math.Max(peak ?? 0, result.PeakRssMb ?? 0);
                    var count = await server.CountStatementsAsync(databases, ct);
                    statements = count?.Calls;
                    if (count is not null && run == 0 && showStatements)
                    {
                        Say($"statements pg_stat_statements recorded for one {label} run in databases a and b ({count.Calls} calls):");
                        foreach (var st in count.Statements.OrderBy(x => x.Database).ThenByDescending(x => x.TotalMs))
                        {
                            Say($"  {(st.Database == databases[0] ? "a" : "b")} {st.Calls,3} x {st.TotalMs,8:0.0} ms  {st.Query}");
                        }
                    }

                    note = $"exit {result.ExitCode}, {result.Stdout.Length / 1024.0:0} KB output";
                }
            }
            finally
            {
                Directory.Delete(workDir, recursive: true);
            }

            var median = times.Count > 0 ? Median(times) : (double?)null;
            Say($"{label}: e2e {(median is null ? "n/a" : median.Value.ToString("0", CultureInfo.InvariantCulture) + " ms")} " +
                $"(runs: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}; CPU: process {Fmt(clientCpu)} ms + server {Fmt(serverCpu)} ms), peak RSS {peak:0} MB, " +
                $"statements {statements?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}, {note}");
            return new ToolRun(
                median, times.Count, peak, statements, note, clientCpu.Count > 0 ? Median(clientCpu) : null, serverCpu.Count > 0 ? Median(serverCpu) : null);
        }

        private static async Task BuildAsync(BenchServer server, string database, int size, bool variantB, CancellationToken ct)
        {
            foreach (var chunk in SyntheticSchema.Script(size, variantB))
            {
                await server.ExecuteAsync(database, chunk, ct);
            }

            await server.ExecuteAsync(database, "ANALYZE", ct);
        }

        /// <summary>1-minute load average: other work on the machine inflates every time measured here.</summary>
        internal static string LoadAverage()
        {
            try
            {
                return File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException)
            {
                return "?";
            }
        }

        private static LoadedSchema Loaded(DatabaseSchema schema, string name) => new(schema, name, []);

        private static AnalysisRequest Request() => new("a", "b", SchemaPlannerConfig.Empty, null);

        internal static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static string Fmt(List<double> values) =>
            values.Count == 0 ? "n/a" : Median(values).ToString("0", CultureInfo.InvariantCulture);

        private static string Tail(string text)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var tail = string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 5)));
            return tail.Length > 600 ? tail[^600..] : tail;
        }

        private static double MemoryGb()
        {
            try
            {
                var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
                return double.Parse(new string(line.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture) / 1048576.0;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
            }
        }

        private static string CpuModel()
        {
            try
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
        }

        private void Say(string line)
        {
            Console.WriteLine(line);
            log.AppendLine(line);
        }
    }
}
