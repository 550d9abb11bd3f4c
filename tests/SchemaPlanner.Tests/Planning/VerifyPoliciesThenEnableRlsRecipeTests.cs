using Npgsql;
using SchemaPlanner.Planning;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using RecipeNames = SchemaPlanner.Safety.Recipes;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// ENABLE ROW LEVEL SECURITY on a populated table used by a non-owner role, on real PostgreSQL: the policies come
/// first and change nothing, the verify step checks every granted role is covered, and only then row security goes
/// on. A role no permissive policy covers stops the plan at its verify step with row security still off.
/// </summary>
public sealed class VerifyPoliciesThenEnableRlsRecipeTests
{
    private const string Reader = "sp_rls_reader";
    private const string Other = "sp_rls_other";

    private const string Docs = "CREATE TABLE docs (id int PRIMARY KEY, tenant int NOT NULL, body text);\n";
    private const string Rows = "INSERT INTO docs SELECT g, 1 + g % 2, 'doc ' || g FROM generate_series(1, 10) g;";

    [Fact]
    public async Task Policies_are_verified_before_row_security_goes_on_and_the_reader_then_sees_its_rows()
    {
        await (await PostgresServer.GetAsync()).EnsureRolesAsync([Reader]);
        var grants = $"GRANT SELECT, INSERT ON docs TO {Reader};\n";
        await using var migration = await PlannedMigration.CreateAsync(
            Docs + grants,
            Rows,
            Docs + grants + "CREATE POLICY tenant_one ON docs USING (tenant = 1);\nALTER TABLE docs ENABLE ROW LEVEL SECURITY;");
        Assert.Equal(RecipeNames.VerifyPoliciesThenEnableRls, migration.RecipeOf("alter table public.docs"));
        var app = Assert.Single(migration.Plan.Releases[0].AppInstructions, i => i.Contains("Row-level security", StringComparison.Ordinal));
        Assert.True(app.Contains($"{Reader} SELECT: rows where (tenant = 1) [tenant_one]", StringComparison.Ordinal), app);
        Assert.Contains($"{Reader} INSERT: new rows where (tenant = 1) [tenant_one]", app, StringComparison.Ordinal);

        await migration.RehearseAsync();
        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        Assert.Equal(10L, await CountAsReaderAsync(migration));
        Assert.False(await RowSecurityOnAsync(connection));

        await migration.RunAsync(connection, 1, Phase.Verify);
        Assert.False(await RowSecurityOnAsync(connection));
        await migration.RunAsync(connection, 1, Phase.PostDeploy);

        Assert.True(await RowSecurityOnAsync(connection));
        Assert.Equal(5L, await CountAsReaderAsync(migration));
        await migration.AssertDesiredAsync();
    }

    [Fact]
    public async Task A_granted_role_no_policy_covers_fails_the_verify_step_and_row_security_stays_off()
    {
        await (await PostgresServer.GetAsync()).EnsureRolesAsync([Reader, Other]);
        var grants = $"GRANT SELECT ON docs TO {Reader};\nGRANT SELECT, DELETE ON docs TO {Other};\n";
        await using var migration = await PlannedMigration.CreateAsync(
            Docs + grants,
            Rows,
            Docs + grants + $"CREATE POLICY reader_rows ON docs FOR SELECT TO {Reader} USING (true);\nCREATE POLICY deletes ON docs FOR DELETE USING (tenant = 2);\nALTER TABLE docs ENABLE ROW LEVEL SECURITY;");
        var app = Assert.Single(migration.Plan.Releases[0].AppInstructions, i => i.Contains("Row-level security", StringComparison.Ordinal));
        Assert.True(app.Contains($"{Other} SELECT: no rows", StringComparison.Ordinal), app);
        Assert.Contains($"{Other} DELETE: rows where (tenant = 2) [deletes]", app, StringComparison.Ordinal);

        // plan's rehearsal runs the verify step on its scratch copy: the gap shows before anything is written.
        var rehearsal = await Assert.ThrowsAnyAsync<Exception>(migration.RehearseAsync);
        Assert.Contains($"{Other} (SELECT)", Flatten(rehearsal), StringComparison.Ordinal);

        await using var connection = await migration.OpenAsync();
        await migration.RunAsync(connection, 1, Phase.PreDeploy);
        var verify = Flatten(await Assert.ThrowsAnyAsync<Exception>(() => migration.RunAsync(connection, 1, Phase.Verify)));
        Assert.Contains("no permissive policy would let these roles see or write any row", verify, StringComparison.Ordinal);
        Assert.Contains($"{Other} (SELECT)", verify, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Other} (DELETE)", verify, StringComparison.Ordinal);
        Assert.DoesNotContain(Reader + " (", verify, StringComparison.Ordinal);
        Assert.False(await RowSecurityOnAsync(connection));
        Assert.Equal(10L, await CountAsReaderAsync(migration));
    }

    [Fact]
    public async Task A_table_without_any_policy_is_still_left_to_the_user()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PlannedMigration.CreateAsync(Docs, Rows, Docs + "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"));
        Assert.Contains("SP1007", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no policy", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsReaderAsync(PlannedMigration migration)
    {
        await using var connection = await migration.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand($"SET LOCAL ROLE {Reader}", connection, transaction))
        {
            await role.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM docs", connection, transaction);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<bool> RowSecurityOnAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.docs'::regclass", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
