using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Introspection;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>
/// One schema pair on real PostgreSQL: both sides diff empty against themselves; the plain DDL of diff(old, new)
/// applied to the old database reads back as the new one; the down of every change, applied in reverse order,
/// brings it back to the old one (when every change is reversible).
/// </summary>
internal static class ObjectKindRoundTrip
{
    public static async Task<DiffResult> RunAsync(string oldSql, string newSql, bool reversible = true)
    {
        var server = await PostgresServer.GetAsync();
        await using var a = await server.CreateDatabaseAsync(oldSql);
        await using var b = await server.CreateDatabaseAsync(newSql);
        var from = await ReadAsync(a);
        var to = await ReadAsync(b);
        AssertEmpty("diff(old, old)", SchemaDiffer.Diff(from, from).Changes);
        AssertEmpty("diff(new, new)", SchemaDiffer.Diff(to, to).Changes);

        var diff = SchemaDiffer.Diff(from, to);
        Assert.False(diff.IsEmpty, "diff(old, new) is empty");
        Assert.DoesNotContain(diff.Changes, c => c is UnsupportedChange);
        var up = await ApplyAsync(a, diff.Changes.SelectMany(c => BuiltInSql.Ddl.Statements(c, from, to)));
        AssertEmpty("diff(migrated, new)", SchemaDiffer.Diff(await ReadAsync(a), to).Changes, up);

        if (reversible)
        {
            var downs = diff.Changes.Reverse().Select(c => (Change: c, Down: BuiltInSql.Ddl.Down(c, from, to))).ToList();
            Assert.All(downs, d => Assert.True(d.Down.Statements is not null, d.Change.Describe() + ": " + d.Down.Irreversible));
            var down = await ApplyAsync(a, downs.SelectMany(d => d.Down.Statements!));
            AssertEmpty("diff(migrated back, old)", SchemaDiffer.Diff(await ReadAsync(a), from).Changes, up + "\n-- down\n" + down);
        }

        return diff;
    }

    public static async Task<SchemaModel> ReadAsync(TestDatabase database) =>
        (await SchemaReader.ReadAsync(database.ConnectionString, CancellationToken.None)).Model;

    private static async Task<string> ApplyAsync(TestDatabase database, IEnumerable<string> statements)
    {
        var script = "";
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            script += statement + ";\n";
            try
            {
                // One statement per batch command: Npgsql does not split a batch command at the semicolons of a
                // BEGIN ATOMIC body as it does a plain command's text.
                await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(statement) } };
                await batch.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex)
            {
                Assert.Fail($"{ex.SqlState} {ex.MessageText}\n{statement}\n\nscript so far:\n{script}");
            }
        }

        return script;
    }

    private static void AssertEmpty(string what, IReadOnlyList<Change> changes, string? script = null) =>
        Assert.True(changes.Count == 0, what + " is not empty:\n" + string.Join("\n", changes.Select(c => "  " + c.Describe())) + (script is null ? "" : "\n\nscript:\n" + script));
}
