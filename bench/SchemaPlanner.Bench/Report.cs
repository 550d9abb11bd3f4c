using System.Globalization;
using System.Text;

namespace SchemaPlanner.Bench;

internal static class Report
{
    public static string Render(IReadOnlyList<SizeResult> results, bool statementsTracked)
    {
        var s = new StringBuilder();
        s.AppendLine("Main table (medians; times in ms):");
        s.AppendLine("- introspect = one SchemaReader.ReadAsync of database a / b (in process)");
        s.AppendLine("- diff = SchemaDiffer.Diff(a, b) (in process)");
        s.AppendLine("- statements = per read: SchemaReader.StatementsPerRead / counted by pg_stat_statements (calls in that database)");
        s.AppendLine("- peak MB = peak RSS of the `schemaplan diff` process (GNU time %M); live MB = managed heap holding both models + diff");
        s.AppendLine("- schemaplan e2e = in process: read a and b at once + diff; CLI = `dotnet schemaplan.dll diff --format json` process, wall clock");
        s.AppendLine("- migra e2e = `migra run URL_a URL_b --unsafe` process, wall clock; speed-up = migra / CLI (and migra / in-process)");
        s.AppendLine();
        s.AppendLine("| size | tables a/b | introspect ms a / b | diff ms | statements per read | peak MB (CLI RSS) | live MB | schemaplan e2e ms (in-proc / CLI) | migra e2e ms | speed-up CLI (in-proc) |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var measured = r.MeasuredStatementsA is null ? "n/a" : $"{r.MeasuredStatementsA}/{r.MeasuredStatementsB}";
            s.AppendLine(
                $"| {r.Size:N0} | {r.TablesA:N0} / {r.TablesB:N0} | {r.IntrospectAMs:0} / {r.IntrospectBMs:0} | {r.DiffMs:0.0} | {r.ClaimedStatements} / {measured} | " +
                $"{Mb(r.Cli?.PeakRssMb)} | {r.LiveHeapMb:0} | {r.InProcessE2eMs:0} / {Ms(r.Cli?.MedianMs)} | {Ms(r.Migra?.MedianMs)}{Flag(r.Migra)} | " +
                $"{Ratio(r.Migra?.MedianMs, r.Cli?.MedianMs)} ({Ratio(r.Migra?.MedianMs, r.InProcessE2eMs)}) |");
        }

        s.AppendLine();
        s.AppendLine("Details:");
        s.AppendLine();
        s.AppendLine("| size | setup s (both dbs) | changes | diff+classify ms | allocated MB per e2e | bench process peak WS MB | CLI statements (both dbs) | migra statements (both dbs) | migra peak RSS MB | CPU ms in-proc (client + server) | CPU ms CLI (process + server) | CPU ms migra (process + server) | speed-up by CPU CLI (in-proc) | runs CLI / migra | load avg start -> end |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            s.AppendLine(
                $"| {r.Size:N0} | {r.SetupSeconds:0.0} | {r.Changes} | {r.AnalyzeMs:0.0} | {r.AllocatedMb:0} | {r.ProcessPeakMb:0} | " +
                $"{r.Cli?.Statements?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {r.Migra?.Statements?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | " +
                $"{Mb(r.Migra?.PeakRssMb)} | {r.InProcessClientCpuMs:0} + {Ms(r.InProcessServerCpuMs)} | {Ms(r.Cli?.ClientCpuMs)} + {Ms(r.Cli?.ServerCpuMs)} | " +
                $"{Ms(r.Migra?.ClientCpuMs)} + {Ms(r.Migra?.ServerCpuMs)} | {Ratio(r.Migra?.CpuMs, r.Cli?.CpuMs)} ({Ratio(r.Migra?.CpuMs, r.InProcessClientCpuMs + (r.InProcessServerCpuMs ?? 0))}) | " +
                $"{r.Cli?.Runs.ToString(CultureInfo.InvariantCulture) ?? "-"} / {r.Migra?.Runs.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.Load} |");
        }

        s.AppendLine();
        s.AppendLine("Variant b per size: " + string.Join("; ", results.Select(r => $"{r.Size}: {r.Variation}")));
        if (!statementsTracked)
        {
            s.AppendLine("(pg_stat_statements was not available: measured statement counts are n/a)");
        }

        s.AppendLine();
        s.AppendLine("Targets (reported, not asserted):");
        var k1 = results.FirstOrDefault(r => r.Size == 1000);
        var k5 = results.FirstOrDefault(r => r.Size == 5000);
        if (k1 is null)
        {
            s.AppendLine("- 1,000 tables: n/a (size not run)");
        }
        else
        {
            var cpu1 = k1.InProcessClientCpuMs + (k1.InProcessServerCpuMs ?? 0);
            s.AppendLine(
                $"- {Verdict(k1.InProcessE2eMs < 1000)} 1,000 tables diffed in < 1 s of tool time (wall clock): {k1.InProcessE2eMs:0} ms in process (2 reads + diff)" +
                (k1.Cli?.MedianMs is { } cli ? $"; the whole `schemaplan diff` process (.NET start-up, classification, JSON) {cli:0} ms: {Verdict(cli < 1000)}" : string.Empty));
            s.AppendLine(
                $"- {Verdict(cpu1 < 1000)} same, by CPU time (insensitive to other load on the machine): {cpu1:0} ms " +
                $"= bench process {k1.InProcessClientCpuMs:0} ms + PostgreSQL {Ms(k1.InProcessServerCpuMs)} ms");
            if (k1.Migra?.MedianMs is { } migra && k1.Cli?.MedianMs is { } cliMs)
            {
                s.AppendLine(
                    $"- {Verdict(migra / cliMs >= 3)} 1,000 tables >= 3x faster than migra end to end (wall clock): CLI process {cliMs:0} ms vs migra {migra:0} ms = {migra / cliMs:0.0}x " +
                    $"(in process: {migra / k1.InProcessE2eMs:0.0}x)");
                if (k1.Migra.CpuMs is { } migraCpu && k1.Cli.CpuMs is { } cliCpu)
                {
                    s.AppendLine(
                        $"- {Verdict(migraCpu / cliCpu >= 3)} same, by CPU time (process + server): CLI {cliCpu:0} ms vs migra {migraCpu:0} ms = {migraCpu / cliCpu:0.0}x " +
                        $"(in process: {migraCpu / cpu1:0.0}x)");
                }
            }
            else if (k1.Migra?.MedianMs is { } migraOnly)
            {
                s.AppendLine($"- {Verdict(migraOnly / k1.InProcessE2eMs >= 3)} 1,000 tables >= 3x faster than migra: in process {k1.InProcessE2eMs:0} ms vs migra {migraOnly:0} ms = {migraOnly / k1.InProcessE2eMs:0.0}x (CLI not run)");
            }
            else
            {
                s.AppendLine("- 1,000 tables vs migra: n/a (" + (k1.Migra?.Note ?? "migra not run") + ")");
            }
        }

        if (k5 is null)
        {
            s.AppendLine("- 5,000 tables: n/a (size not run; pass --sizes 100,1000,5000)");
        }
        else
        {
            // "No blow-up": memory grows about linearly with the schema (live heap per table at 5,000 within 1.5x of
            // that at 1,000) and the CLI stays under 1 GB resident.
            var basis = k1 ?? results.Where(r => r.Size < 5000).MaxBy(r => r.Size);
            var perTable5 = k5.LiveHeapMb / k5.TablesA;
            var linear = basis is null || perTable5 <= 1.5 * (basis.LiveHeapMb / basis.TablesA);
            var rss = k5.Cli?.PeakRssMb;
            var pass = linear && (rss is null || rss < 1024);
            s.AppendLine(
                $"- {Verdict(pass)} 5,000 tables without memory blow-up: live heap {k5.LiveHeapMb:0} MB ({perTable5 * 1024:0} KB/table" +
                (basis is null ? string.Empty : $" vs {basis.LiveHeapMb / basis.TablesA * 1024:0} KB/table at {basis.Size:N0}") +
                $"), allocated {k5.AllocatedMb:0} MB per e2e, CLI peak RSS {Mb(rss)} MB (limits: <= 1.5x per-table heap of the smaller size, < 1024 MB RSS)");
        }

        // Issue #13's start-fast targets, on the CLI process (the ReadyToRun build run.sh publishes).
        s.AppendLine("Issue #13's targets (the CLI process, wall clock; peak RSS in MiB):");
        s.AppendLine(k1?.Cli?.MedianMs is { } cli1
            ? $"- {Verdict(cli1 <= 450)} 1,000 tables db <-> db <= 0.45 s: {cli1 / 1000:0.00} s" +
              (k1.Migra?.MedianMs is { } migra1 ? $"; {Verdict(migra1 / cli1 >= 7)} >= 7x faster than migra in the same run: {migra1 / cli1:0.0}x" : "; migra not run")
            : "- 1,000 tables db <-> db: n/a (CLI or size not run)");
        s.AppendLine(k5?.Cli?.MedianMs is { } cli5
            ? $"- {Verdict(cli5 <= 1500)} 5,000 tables <= 1.5 s: {cli5 / 1000:0.00} s; {Verdict(k5.Cli.PeakRssMb is { } peak && peak <= 250)} peak RSS <= 250 MiB: {Mb(k5.Cli.PeakRssMb)} MiB"
            : "- 5,000 tables: n/a (CLI or size not run)");
        return s.ToString();
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static string Ms(double? ms) => ms is null ? "n/a" : ms.Value.ToString("0", CultureInfo.InvariantCulture);

    private static string Mb(double? mb) => mb is null ? "n/a" : mb.Value.ToString("0", CultureInfo.InvariantCulture);

    private static string Flag(ToolRun? run) => run is { MedianMs: null, Note.Length: > 0 } ? " (" + run.Note + ")" : string.Empty;

    private static string Ratio(double? slow, double? fast) =>
        slow is null || fast is null or 0 ? "n/a" : (slow.Value / fast.Value).ToString("0.0", CultureInfo.InvariantCulture) + "x";
}
