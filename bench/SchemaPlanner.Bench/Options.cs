using System.Globalization;

namespace SchemaPlanner.Bench;

internal sealed record Options
{
    public IReadOnlyList<int> Sizes { get; init; } = [100, 1000, 5000];

    public int Runs { get; init; } = 3;

    public bool Migra { get; init; } = true;

    public bool Cli { get; init; } = true;

    public bool Explain { get; init; } = true;

    public TimeSpan ExternalTimeout { get; init; } = TimeSpan.FromSeconds(300);

    public string RepoRoot { get; init; } = ".";

    public string? MigraPath { get; init; }

    public string? CliPath { get; init; }

    public string? MarkdownOut { get; init; }

    public string? EmitSqlDirectory { get; init; }

    /// <summary>Rehearse the bundled sample under traffic instead of the schema-size bench.</summary>
    public bool RehearseSample { get; init; }

    public int RehearsalRows { get; init; } = 2_000;

    public int RehearsalRate { get; init; } = 100;

    /// <summary>The rehearsals to run, in order: false = on synthetic rows (as schemaplan plan), true = on a copy of samples/current's own rows (--rehearse-on).</summary>
    public IReadOnlyList<bool> RehearsalSources { get; init; } = [false, true];

    public static string Usage =>
        """
        SchemaPlanner.Bench [options]
          --sizes 100,1000,5000   table counts to build and compare (default 100,1000,5000)
          --quick                 same as --sizes 100,1000
          --runs N                timed repetitions per measurement (default 3; medians are reported)
          --no-migra              skip @pgkit/migra
          --no-cli                skip the schemaplan CLI end-to-end runs
          --no-explain            skip the per-catalog-query breakdown / EXPLAIN ANALYZE at the largest size
          --timeout SECONDS       limit for one external run (default 300)
          --migra PATH            migra CLI (default bench/.tools/node_modules/.bin/migra)
          --cli PATH              schemaplan.dll (default src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll)
          --out FILE              also write everything printed to FILE
          --emit-sql DIR          only write the DDL scripts (a-N.sql, b-N.sql for each size) to DIR and exit
          --rehearse-sample       instead: plan samples/current -> samples/desired and print the rehearsal's per-step table
          --rehearse-rows N       with --rehearse-sample: synthetic rows per table (default 2000, as schemaplan plan)
          --rehearse-rate N       with --rehearse-sample: transactions per second per app version (default 100)
          --rows-from WHICH       with --rehearse-sample: synthetic (as schemaplan plan), sample (a copy of samples/current's
                                  own rows, as --rehearse-on) or both (default)
        Environment: SCHEMAPLAN_BENCH_DATABASE = server connection string (keyword form or URL; needs CREATEDB)
                     to use instead of a throwaway cluster.
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options { RepoRoot = FindRepoRoot() };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList() },
                "--quick" => options with { Sizes = [100, 1000] },
                "--runs" => options with { Runs = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--no-migra" => options with { Migra = false },
                "--no-cli" => options with { Cli = false },
                "--no-explain" => options with { Explain = false },
                "--timeout" => options with { ExternalTimeout = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--migra" => options with { MigraPath = Path.GetFullPath(Next()) },
                "--cli" => options with { CliPath = Path.GetFullPath(Next()) },
                "--out" => options with { MarkdownOut = Path.GetFullPath(Next()) },
                "--emit-sql" => options with { EmitSqlDirectory = Path.GetFullPath(Next()) },
                "--rehearse-sample" => options with { RehearseSample = true },
                "--rehearse-rows" => options with { RehearsalRows = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rows-from" => options with
                {
                    RehearsalSources = Next() switch
                    {
                        "synthetic" => [false],
                        "sample" => [true],
                        "both" => [false, true],
                        var other => throw new ArgumentException($"--rows-from: {other} is not synthetic, sample or both"),
                    },
                },
                "--rehearse-rate" => options with { RehearsalRate = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "-h" or "--help" => throw new OperationCanceledException(Usage),
                _ => throw new ArgumentException($"unknown argument {args[i]}\n{Usage}"),
            };
        }

        return options with
        {
            MigraPath = options.MigraPath ?? Path.Combine(options.RepoRoot, "bench", ".tools", "node_modules", ".bin", "migra"),
            CliPath = options.CliPath ?? Path.Combine(options.RepoRoot, "src", "SchemaPlanner.Tool", "bin", "Release", "net10.0", "schemaplan.dll"),
        };
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SchemaPlanner.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
