using System.Diagnostics;
using System.Text.RegularExpressions;
using SchemaPlanner.Deploy;
using SchemaPlanner.Planning.Deploy;
using SchemaPlanner.Templates;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using SchemaPlanner.Tool.Output;
using Spectre.Console.Testing;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// <c>apply</c>'s progress on stderr during a real backfill of 300 rows in batches of 20: as plain lines when
/// stderr is not a terminal (each batch report with rows done of the estimate, the rate, and the time left while
/// rows are left), and as a Spectre.Console progress bar on an interactive console.
/// </summary>
public sealed partial class ApplyProgressTests
{
    private const string Config = """{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "smallTableRows": 0, "batchSize": 20, "batchSizeMax": 20, "batchPauseMs": 20 }""";

    [Fact]
    public async Task Plain_lines_carry_each_step_and_the_backfills_rows_estimate_rate_and_time_left()
    {
        var (database, folder, plan) = await PlanAsync();
        await using var _ = database;
        using var __ = folder;

        var applied = Cli.Run("apply", "--database", database.ConnectionString, "--plan", plan, "--to", "1/backfill");

        Assert.True(applied.Exit == ExitCodes.Ok, applied.Err);
        Assert.Contains("schemaplan: [4/4] release-1/backfill/001_backfill_body.up.sql (outside a transaction) ...", applied.Err, StringComparison.Ordinal);
        var reports = Progress().Matches(applied.Err);
        Assert.True(reports.Count >= 2, applied.Err);
        Assert.All(reports, r => Assert.Equal("300", r.Groups["estimate"].Value));
        var done = reports.Select(r => long.Parse(r.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Contains(reports, r => r.Groups["left"].Success && long.Parse(r.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture) < 300);
        Assert.Contains("backfill public.articles done: 300 rows scanned, 300 updated", applied.Err, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
    }

    [Fact]
    public async Task On_an_interactive_console_the_backfill_is_a_progress_bar()
    {
        var (database, folder, plan) = await PlanAsync();
        await using var _ = database;
        using var __ = folder;
        var manifest = PlanManifestReader.Read(plan);
        var request = new ApplyRequest(database.ConnectionString, manifest, PhasePoint.Parse("1/backfill", manifest), false, false, false, PlanManifestReader.FromSchema(manifest));
        using var console = new TestConsole().Interactive().Width(160);

        var steps = await TerminalApplyProgress.RunAsync(console, progress => PlanApplier.ApplyAsync(request, progress, CancellationToken.None));

        Assert.Equal(4, steps.Count);
        Assert.Contains("schemaplan: [4/4] release-1/backfill/001_backfill_body.up.sql (outside a transaction) ...", console.Output, StringComparison.Ordinal);
        Assert.Matches(@"backfill public\.articles: \d+ rows scanned of ~300, \d+ updated, \d+ rows/s", console.Output);
        Assert.Contains("━", console.Output, StringComparison.Ordinal);
        Assert.Contains("100%", console.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
    }

    [Fact]
    public async Task In_a_pseudo_terminal_apply_draws_the_bar_and_with_NO_COLOR_writes_plain_lines()
    {
        var (terminal, folder, plan) = await PlanAsync();
        await using var _ = terminal;
        using var __ = folder;
        await using var plain = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(PlannedSample.Current);

        var drawn = await InPseudoTerminalAsync(terminal.ConnectionString, plan, noColor: false);
        var lines = await InPseudoTerminalAsync(plain.ConnectionString, plan, noColor: true);

        Assert.Contains("\u001b[", drawn, StringComparison.Ordinal);
        Assert.Contains("━", drawn, StringComparison.Ordinal);
        Assert.Contains("[4/4] release-1/backfill/001_backfill_body.up.sql", drawn, StringComparison.Ordinal);
        // .NET itself switches the terminal's keypad mode on and off (ESC[?1h ESC=, ESC[?1l ESC>); nothing else may be an escape.
        var text = lines.Replace("\u001b[?1h\u001b=", "", StringComparison.Ordinal).Replace("\u001b[?1l\u001b>", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("━", text, StringComparison.Ordinal);
        Assert.True(Progress().Matches(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Count >= 2, lines);
        Assert.Equal(0L, await terminal.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
        Assert.Equal(0L, await plain.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text"));
    }

    /// <summary>The real CLI in a pseudo-terminal (util-linux <c>script</c>), applying up to 1/backfill; what the terminal showed.</summary>
    private static async Task<string> InPseudoTerminalAsync(string database, string plan, bool noColor)
    {
        string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var command = string.Join(" ", new[] { "dotnet", typeof(Program).Assembly.Location, "apply", "--database", database, "--plan", plan, "--to", "1/backfill" }.Select(Quote));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        if (noColor)
        {
            start.Environment["NO_COLOR"] = "1";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    private static async Task<(TestDatabase Database, Cli.Folder Folder, string Plan)> PlanAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync(PlannedSample.Current);
        var folder = new Cli.Folder(("schema.sql", PlannedSample.Desired), ("schemaplan.json", Config));
        var plan = folder.File("plan");
        var planned = Cli.Run("plan", "--database", database.ConnectionString, "--desired", folder.File("schema.sql"), "--config", folder.File("schemaplan.json"), "--dev-database", server.ConnectionString, "--out", plan, "--no-rehearse");
        Assert.True(planned.Exit == ExitCodes.Ok, planned.Err);
        return (database, folder, plan);
    }

    [GeneratedRegex(@"^schemaplan:     backfill public\.articles: (?<done>\d+) rows scanned of ~(?<estimate>\d+), \d+ updated \(\d+%, \d+ rows/s(?<left>, about \d\d:\d\d:\d\d left)?\)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Progress();
}
