using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>
/// Row-level security enabled or forced on PostgreSQL: the desired policies exist before ENABLE / FORCE, and RLS is
/// turned off before the policies go, so no statement of the migration leaves the table with RLS on and its
/// permissive policies missing.
/// </summary>
public sealed class RowLevelSecurityTests
{
    private const string Table = "create table docs(id int primary key, owner_name text);";

    [Fact]
    public async Task Policies_are_created_before_row_level_security_is_enabled_and_forced()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Table,
            Table + """
                create policy everyone_reads on docs for select using (true);
                create policy own_rows on docs using (owner_name = current_user);
                alter table docs enable row level security;
                alter table docs force row level security;
                """);
        var enable = diff.Changes.ToList().FindIndex(c => c is AlterTable { Changed: TableChange.RowLevelSecurity });
        Assert.True(enable >= 0);
        Assert.All(diff.Changes.Select((c, i) => (c, i)).Where(x => x.c is CreatePolicy), x => Assert.True(x.i < enable, "policy after ENABLE: " + x.c.Describe()));

        // The down turns RLS off before it drops the policies: the reverse order of the up.
        var down = diff.Changes.Reverse().Select(c => SchemaPlanner.Planning.Ddl.DdlWriter.Reverse(c).Inverse!).ToList();
        var disable = down.FindIndex(c => c is AlterTable);
        Assert.All(down.Select((c, i) => (c, i)).Where(x => x.c is DropPolicy), x => Assert.True(x.i > disable));
    }

    [Fact]
    public async Task Row_level_security_is_disabled_before_its_policies_are_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Table + "create policy own_rows on docs using (owner_name = current_user); alter table docs enable row level security;",
            Table);
        var changes = diff.Changes.ToList();
        Assert.True(changes.FindIndex(c => c is AlterTable) < changes.FindIndex(c => c is DropPolicy));
    }
}
