using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Every generated file of every acceptance case, up and down, every recipe (OFFLINE included): a file with DDL
/// that takes a lock blocking traffic sets lock_timeout first, unless it is a CONCURRENTLY file that says why it
/// must not (its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes, and a lock_timeout would cut its waits for
/// older transactions). And every up file is truly re-runnable: run twice in a row, the second run succeeds.
/// </summary>
public sealed partial class GeneratedFileHygieneTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => [.. AcceptanceCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_file_sets_lock_timeout_before_locking_ddl_and_every_up_file_runs_twice(string name)
    {
        var @case = AcceptanceCase.Load(name);
        var config = @case.Config();
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(await File.ReadAllTextAsync(@case.OldSqlPath));
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, @case.NewSqlPath, config);
        var planned = PlannedMigration.Create(analysis, config);

        var failures = new StringBuilder();
        foreach (var step in planned.Steps)
        {
            CheckLockTimeout(step.UpPath, step.Up, failures);
            CheckLockTimeout(step.DownPath, step.Down, failures);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var step in planned.InRunOrder())
        {
            await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            try
            {
                await StepRunner.RunFileAsync(connection, step.UpPath, step.Up, step.Step.Transactional, CancellationToken.None);
            }
            catch (Errors.SchemaPlannerException ex)
            {
                failures.Append(step.UpPath).Append(": fails when run a second time: ").Append(ex.Message).Append('\n');
                break;
            }
        }

        output.WriteLine(failures.Length == 0 ? "all files clean" : failures.ToString());
        Assert.True(failures.Length == 0, $"{name}:\n{failures}");
    }

    private static void CheckLockTimeout(string path, string sql, StringBuilder failures)
    {
        var code = Comment().Replace(sql, "");
        if (LockingDdl().Match(code) is not { Success: true } ddl)
        {
            return;
        }

        var timeout = LockTimeout().Match(code);
        if (timeout.Success && timeout.Index < ddl.Index)
        {
            return;
        }

        var concurrentOnly = !LockingDdl().IsMatch(Concurrently().Replace(code, ""));
        if (concurrentOnly && sql.Contains("-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY", StringComparison.Ordinal))
        {
            return;
        }

        failures.Append(path).Append(": ").Append(ddl.Value.Trim()).Append(" without a lock_timeout before it")
            .Append(concurrentOnly ? " (CONCURRENTLY, but the file does not say why it sets none)" : "").Append('\n');
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    /// <summary>DDL taking a lock that blocks reads or writes of an existing object (CONCURRENTLY forms included, told apart below).</summary>
    [GeneratedRegex(@"\b(ALTER\s+(TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|SEQUENCE)|DROP\s+(TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|TRIGGER)|CREATE\s+(UNIQUE\s+)?INDEX|CREATE\s+(OR\s+REPLACE\s+)?(TRIGGER|VIEW)|LOCK\s+TABLE|TRUNCATE|REFRESH\s+MATERIALIZED\s+VIEW)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LockingDdl();

    [GeneratedRegex(@"\bSET\s+(LOCAL\s+)?lock_timeout\b", RegexOptions.IgnoreCase)]
    private static partial Regex LockTimeout();

    [GeneratedRegex(@"\b(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX|REFRESH\s+MATERIALIZED\s+VIEW)\s+CONCURRENTLY\b", RegexOptions.IgnoreCase)]
    private static partial Regex Concurrently();
}
