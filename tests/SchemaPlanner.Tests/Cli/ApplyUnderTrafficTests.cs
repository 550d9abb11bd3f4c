using System.Text.Json;
using Npgsql;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Cli;

/// <summary>
/// <c>schemaplan apply</c> phase by phase while the app versions the plan promises to serve keep writing: the old
/// one (writes <c>text</c>) and the new one (writes <c>body</c>) both while release 1 runs up to verify, then the new
/// one alone through post-deploy and release 2. No write fails, no row is lost, every value the old app wrote
/// arrives in <c>body</c>, and the history ends complete.
/// </summary>
public sealed class ApplyUnderTrafficTests(PlannedSample sample) : IClassFixture<PlannedSample>
{
    [Fact]
    public async Task Both_app_versions_write_between_and_during_the_phases_and_nothing_is_lost()
    {
        await using var database = await sample.CurrentDatabaseAsync();
        using var oldApp = new Writer(database.ConnectionString, "old", "text");
        using var newApp = new Writer(database.ConnectionString, "new", "body");
        string Apply(string to)
        {
            var result = Cli.Run("apply", "--database", database.ConnectionString, "--plan", sample.Plan, "--to", to);
            Assert.True(result.Exit == ExitCodes.Ok, result.Err);
            return result.Err;
        }

        oldApp.Start();
        Apply("1/pre-deploy");
        newApp.Start();
        Apply("1/backfill");
        Apply("1/verify");
        await oldApp.StopAsync();
        Apply("1/post-deploy");
        Apply("end");
        await newApp.StopAsync();

        Assert.True(oldApp.Failure is null, oldApp.Failure);
        Assert.True(newApp.Failure is null, newApp.Failure);
        Assert.True(oldApp.Inserted > 0 && newApp.Inserted > 0, $"old {oldApp.Inserted}, new {newApp.Inserted}");
        Assert.Equal(300L + oldApp.Inserted + newApp.Inserted, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM articles WHERE body IS NULL"));
        // What the old app last wrote to text (inserts and updates) is what body holds now.
        foreach (var (id, value) in oldApp.Written)
        {
            Assert.Equal(value, await database.QueryScalarAsync<string>($"SELECT body FROM articles WHERE id = {id}"));
        }

        foreach (var (id, value) in newApp.Written.Where(w => !oldApp.Written.ContainsKey(w.Key)))
        {
            Assert.Equal(value, await database.QueryScalarAsync<string>($"SELECT body FROM articles WHERE id = {id}"));
        }

        Assert.Equal(10L, await database.QueryScalarAsync<long>("SELECT count(*) FROM schemaplan.history WHERE outcome = 'done'"));
        var rediff = Cli.Run("diff", "--database", database.ConnectionString, "--desired", sample.DesiredFile, "--dev-database", sample.Server, "--format", "json");
        Assert.True(rediff.Exit == ExitCodes.Ok, rediff.Err);
        using var diff = JsonDocument.Parse(rediff.Out);
        Assert.Empty(diff.RootElement.GetProperty("changes").EnumerateArray());
    }

    /// <summary>
    /// One app version: on its own session, inserts a row and updates one of its own rows (and one of the seeded
    /// rows) by key, writing only its column, until stopped; remembers the last value it wrote per id, and the
    /// first failure.
    /// </summary>
    private sealed class Writer(string connectionString, string name, string column) : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task? loop;

        public Dictionary<long, string> Written { get; } = [];

        public long Inserted { get; private set; }

        public string? Failure { get; private set; }

        public void Start() => loop = Task.Run(RunAsync);

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await loop!;
        }

        public void Dispose() => stop.Dispose();

        private async Task RunAsync()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            for (var n = 1; !stop.IsCancellationRequested && Failure is null; n++)
            {
                try
                {
                    var value = $"{name}-{n}";
                    await using (var insert = new NpgsqlCommand($"INSERT INTO articles (title, {column}) VALUES ($1, $1) RETURNING id", connection) { Parameters = { new() { Value = value } } })
                    {
                        Written[(long)(int)(await insert.ExecuteScalarAsync())!] = value;
                        Inserted++;
                    }

                    // Seeded rows 1..300 are each this version's to update alone (old: odd ids, new: even ids).
                    var seeded = (n % 150 * 2) + (name == "old" ? 1 : 2);
                    var updated = value + "-u";
                    await using (var update = new NpgsqlCommand($"UPDATE articles SET {column} = $1 WHERE id = $2", connection) { Parameters = { new() { Value = updated }, new() { Value = seeded } } })
                    {
                        await update.ExecuteNonQueryAsync();
                        Written[seeded] = updated;
                    }

                    await Task.Delay(20);
                }
                catch (PostgresException e)
                {
                    Failure = $"{name} app, write {n}: {e.SqlState}: {e.MessageText}";
                }
            }
        }
    }
}
