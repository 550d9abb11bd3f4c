using Npgsql;
using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SchemaPlanner.Tests.Acceptance;

/// <summary>
/// Every migra fixture through the whole planner (not the plain DDL): plan a → b, run every rendered file in
/// order on a database built from a.sql, and the result reads back equal to b.sql. Changes with no automatic
/// recipe (the <c>manual</c> recipe stops the plan and asks for an <c>allow</c> entry) are allowed here for
/// exactly the rules listed in <see cref="Allowed"/>; unsupported objects must be reported (the plan stops with
/// SP9001), and are then left out of the plan explicitly.
/// </summary>
public sealed class MigraPlanConformanceTests(ITestOutputHelper output)
{
    /// <summary>Some fixtures grant to and write policies for this role.</summary>
    internal const string TestRole = "schemainspect_test_role";

    /// <summary>
    /// The hazards whose recipe is <c>manual</c> (a decision SchemaPlanner does not make on its own), per
    /// fixture: the rule and the object, as a user would write them in schemaplan.json "allow".
    /// </summary>
    private static readonly Dictionary<string, (string Rule, string Object)[]> Allowed = new(StringComparer.Ordinal)
    {
        // SET GENERATED ALWAYS rejects explicit values the running app may insert: only the app's owners know.
        ["identitycols"] = [("SP2012", "public.identchanges.e")],

        // ENABLE ROW LEVEL SECURITY without a policy hides every row from ordinary roles: a deliberate choice.
        // A restrictive policy hides rows the running app's roles could see before: also a deliberate choice.
        ["rls"] = [("SP1007", "public.accounts2"), ("SP6004", "account_managers on public.accounts")],

        // Dropping unique constraints breaks the running app's ON CONFLICT on them: the fixture drops two on purpose.
        ["everything"] = [("SP4007", "public.products.products_name_key"), ("SP4007", "public.products.products_x_key")],
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.MigraRoot()).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Migra_case_plan_reaches_b(string name)
    {
        var folder = Path.Combine(RepositoryPaths.MigraRoot(), name);
        var server = await PostgresServer.GetAsync();
        await server.EnsureRolesAsync([TestRole]);
        await using var database = await server.CreateDatabaseAsync(await File.ReadAllTextAsync(Path.Combine(folder, "a.sql")));

        var config = SchemaPlannerConfig.Empty with
        {
            Allow = Allowed.GetValueOrDefault(name, []).Select(a => new AllowEntry(a.Rule, a.Object, "migra conformance: applied as-is on purpose")).ToList(),
        };
        var analysis = await PlannedMigration.AnalyzeAsync(server.ConnectionString, database.ConnectionString, Path.Combine(folder, "b.sql"), config);
        Assert.NotEmpty(analysis.Changes);
        foreach (var change in analysis.Changes)
        {
            output.WriteLine($"{change.Change.Describe()} [{(change.Safe ? "safe" : "unsafe")}: {string.Join(", ", change.Hazards.Select(h => h.Rule + (h.Blocks ? "" : "(ok)")))}]");
        }

        // Objects SchemaPlanner does not model are reported as changes, and the plan refuses them.
        var unsupported = analysis.Changes.Select(c => c.Change).OfType<UnsupportedChange>().ToList();
        var models = new[] { analysis.Current.Schema.Model, analysis.Desired.Schema.Model };
        foreach (var item in models.SelectMany(m => m.Unsupported).Distinct())
        {
            Assert.True(
                unsupported.Any(u => u.Name == item.Name) || analysis.Diff.Warnings.Any(w => w.Contains(item.Name, StringComparison.Ordinal)),
                $"{name}: unsupported {item.Kind} {item.Name} is neither a change nor a warning");
        }

        if (unsupported.Count > 0)
        {
            var refused = Assert.Throws<SchemaPlannerException>(() => PlannedMigration.PlanOnly(analysis, config));
            Assert.Contains("SP9001", refused.Message, StringComparison.Ordinal);
            output.WriteLine("plan refused as expected: " + refused.Message);
        }

        var supported = analysis.Changes.Where(c => c.Change is not UnsupportedChange).ToList();
        PlannedMigration planned;
        try
        {
            planned = PlannedMigration.Create(analysis, config, supported);
        }
        catch (SchemaPlannerException ex)
        {
            Assert.Fail($"{name}: planning failed: {ex.Message}");
            throw;
        }

        output.WriteLine("steps:\n" + planned.DescribeSteps());
        try
        {
            await planned.RunAsync(database.ConnectionString);
        }
        catch (SchemaPlannerException ex)
        {
            Assert.Fail($"{name}: running the plan failed: {ex.Message}\n\nsteps:\n{planned.DescribeSteps()}");
        }

        var remaining = await PlannedMigration.RemainingAsync(database.ConnectionString, planned.Desired, unsupported);
        Assert.True(remaining.Count == 0, $"{name}: diff(migrated, b) is not empty:\n{PlannedMigration.Describe(remaining)}\n\nsteps:\n{planned.DescribeSteps()}");
    }
}
