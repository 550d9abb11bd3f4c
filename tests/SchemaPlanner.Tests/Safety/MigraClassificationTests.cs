using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaPlanner.Safety;
using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Tool;
using Xunit;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// Every change of every peer fixture gets a verdict, and `diff --format json` on it has the documented shape
/// (README "Output formats").
/// </summary>
public sealed class MigraClassificationTests
{
    private static readonly HashSet<string> Kinds =
    [
        "create_table", "drop_table", "rename_table", "alter_table", "add_column", "drop_column", "rename_column", "alter_column",
        "add_index", "drop_index", "add_constraint", "drop_constraint", "validate_constraint", "create_view", "drop_view", "replace_view",
        "create_function", "drop_function", "replace_function", "create_trigger", "drop_trigger", "create_policy", "drop_policy",
        "alter_policy", "create_enum", "drop_enum", "add_enum_value", "replace_enum",
        "create_composite_type", "alter_composite_type", "replace_composite_type", "drop_composite_type", "create_range_type", "replace_range_type", "drop_range_type", "create_domain", "drop_domain", "alter_domain",
        "create_sequence", "drop_sequence", "alter_sequence", "create_schema", "drop_schema", "create_extension", "drop_extension",
        "alter_extension", "create_collation", "drop_collation", "replace_collation", "set_comment", "change_privileges", "unsupported",
    ];

    private static readonly HashSet<string> HazardKinds =
        ["lock", "rewrite", "scan", "breaks_running_app", "data_loss", "may_fail", "index_build", "non_transactional", "no_online_path"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.MigraRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_change_is_classified_and_the_json_has_the_documented_shape(string name)
    {
        var folder = Path.Combine(RepositoryPaths.MigraRoot(), name);
        var server = await PostgresServer.GetAsync();
        await using (var admin = await server.CreateDatabaseAsync())
        {
            await admin.ExecuteAsync("DO $$ BEGIN CREATE ROLE schemainspect_test_role; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }

        await using var a = await server.CreateDatabaseAsync(File.ReadAllText(Path.Combine(folder, "a.sql")));
        var (exit, output, error) = Cli.Cli.Run("diff", "--database", a.ConnectionString, "--desired", Path.Combine(folder, "b.sql"), "--dev-database", server.ConnectionString, "--format", "json");
        Assert.True(exit == ExitCodes.Ok, error);

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(changes);
        var summary = root.GetProperty("summary");
        Assert.Equal(changes.Count, summary.GetProperty("changes").GetInt32());
        Assert.Equal(changes.Count, summary.GetProperty("safe").GetInt32() + summary.GetProperty("unsafe").GetInt32());
        foreach (var change in changes)
        {
            Assert.Contains(change.GetProperty("kind").GetString()!, Kinds);
            Assert.False(string.IsNullOrWhiteSpace(change.GetProperty("object").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(change.GetProperty("description").GetString()));
            Assert.True(change.GetProperty("table").ValueKind is JsonValueKind.String or JsonValueKind.Null);
            Assert.True(change.GetProperty("location").ValueKind is JsonValueKind.Object or JsonValueKind.Null);
            var safe = change.GetProperty("safe");
            Assert.True(safe.ValueKind is JsonValueKind.True or JsonValueKind.False, "every change has a verdict");
            var hazards = change.GetProperty("hazards").EnumerateArray().ToList();
            foreach (var hazard in hazards)
            {
                var rule = hazard.GetProperty("rule").GetString()!;
                Assert.Matches(new Regex("^SP[0-9]{4}$"), rule);
                Assert.NotNull(RuleRegistry.Find(rule));
                Assert.Contains(hazard.GetProperty("kind").GetString()!, HazardKinds);
                Assert.Contains(hazard.GetProperty("severity").GetString(), new[] { "error", "warning" });
                Assert.False(string.IsNullOrWhiteSpace(hazard.GetProperty("message").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(hazard.GetProperty("recipe").GetString()));
                Assert.True(hazard.GetProperty("lock").ValueKind is JsonValueKind.String or JsonValueKind.Null);
                Assert.True(hazard.GetProperty("allowed").ValueKind is JsonValueKind.False);
            }

            // Unsafe means at least one error hazard says why.
            if (safe.ValueKind == JsonValueKind.False)
            {
                Assert.Contains(hazards, h => h.GetProperty("severity").GetString() == "error");
            }
            else
            {
                Assert.DoesNotContain(hazards, h => h.GetProperty("severity").GetString() == "error");
            }
        }

        // Unsupported objects are never silent: an "unsupported" change is unsafe with a reason.
        Assert.All(changes.Where(c => c.GetProperty("kind").GetString() == "unsupported"), c => Assert.False(c.GetProperty("safe").GetBoolean()));
    }
}
