using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class TableRulesTests
{
    private static readonly Table Users = Tbl("users", Col("id", notNull: true), Col("email", "text"));

    [Fact]
    public void SP1001_drop_table_breaks_the_app_and_loses_data_even_when_small()
    {
        var change = new DropTable(Users);
        var context = Context(Db(Users), Db(), [change], statistics: Stats("users", 3));

        var hazards = RuleCheck.Run<SP1001DroppingTable>(change, context);

        Assert.Equal([HazardKind.BreaksRunningApp, HazardKind.DataLoss], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Severity.Error, h.Severity));
        Assert.All(hazards, h => Assert.Equal(Recipes.StopUsingThenDrop, h.Recipe));
        Assert.Contains("~3 rows", hazards[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1001_ignores_create_table() =>
        RuleCheck.None<SP1001DroppingTable>(new CreateTable(Users), Context(Db(), Db(Users)));

    [Fact]
    public void SP1002_rename_table_breaks_the_running_app()
    {
        var renamed = Users with { Name = Name("accounts") };
        var change = new RenameTable(Users, renamed);

        var hazard = RuleCheck.Single<SP1002RenamingTable>(change, Context(Db(Users), Db(renamed)), HazardKind.BreaksRunningApp);

        Assert.Equal(Recipes.RenameTableWithView, hazard.Recipe);
        Assert.Contains("public.accounts", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1002_ignores_other_table_changes() =>
        RuleCheck.None<SP1002RenamingTable>(
            new AlterTable(Users, Users with { Unlogged = true }, TableChange.Persistence),
            Context(Db(Users)));

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void SP1003_set_logged_or_unlogged_rewrites(bool wasUnlogged, bool isUnlogged)
    {
        var old = Users with { Unlogged = wasUnlogged };
        var change = new AlterTable(old, Users with { Unlogged = isUnlogged }, TableChange.Persistence);

        var hazard = RuleCheck.Single<SP1003ChangingTablePersistence>(change, Context(Db(old)), HazardKind.Rewrite);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Locks.AccessExclusive, hazard.Lock);
        Assert.Contains(isUnlogged ? "SET UNLOGGED" : "SET LOGGED", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1003_is_a_warning_on_a_small_table_and_silent_on_a_new_one()
    {
        var change = new AlterTable(Users, Users with { Unlogged = true }, TableChange.Persistence);

        var small = RuleCheck.Single<SP1003ChangingTablePersistence>(change, Context(Db(Users), statistics: Stats("users", 10)), HazardKind.Rewrite);
        Assert.Equal(Severity.Warning, small.Severity);

        RuleCheck.None<SP1003ChangingTablePersistence>(change, Context(Db(), Db(Users), [new CreateTable(Users), change]));
    }

    [Fact]
    public void SP1003_ignores_row_level_security() =>
        RuleCheck.None<SP1003ChangingTablePersistence>(
            new AlterTable(Users, Users with { RowLevelSecurity = true }, TableChange.RowLevelSecurity),
            Context(Db(Users)));

    [Fact]
    public void SP1004_partitioning_an_existing_table_has_no_online_path()
    {
        var partitioned = Users with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var change = new AlterTable(Users, partitioned, TableChange.PartitionKey);

        var hazard = RuleCheck.Single<SP1004ChangingPartitioning>(change, Context(Db(Users), Db(partitioned)), HazardKind.NoOnlinePath);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Recipes.Offline, hazard.Recipe);
        Assert.StartsWith("partitioning", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1004_ignores_attaching_a_partition() =>
        RuleCheck.None<SP1004ChangingPartitioning>(Attach().Change, Attach().Context);

    [Fact]
    public void SP1005_attach_partition_scans_the_partition()
    {
        var (change, context) = Attach();

        var hazard = RuleCheck.Single<SP1005AttachingPartition>(change, context, HazardKind.Scan);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Recipes.AttachPartitionWithCheck, hazard.Recipe);
        Assert.Contains("SHARE UPDATE EXCLUSIVE on public.events", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1005_attach_partition_also_scans_the_default_partition()
    {
        var parent = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var fallback = Tbl("events_default", Col("id")) with { PartitionOf = parent.Name, PartitionBound = "DEFAULT" };
        var loose = Tbl("events_2024", Col("id"));
        var attached = loose with { PartitionOf = parent.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        var change = new AlterTable(loose, attached, TableChange.PartitionOf);

        var hazards = RuleCheck.Run<SP1005AttachingPartition>(change, Context(Db(parent, fallback, loose), Db(parent, fallback, attached)));

        Assert.Equal(2, hazards.Count);
        Assert.Contains(hazards, h => h.Message.Contains("default partition public.events_default", StringComparison.Ordinal));
    }

    [Fact]
    public void SP1005_creating_a_partition_only_warns_about_the_parent_lock()
    {
        var parent = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var partition = Tbl("events_2024", Col("id")) with { PartitionOf = parent.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        var change = new CreateTable(partition);

        var hazard = Assert.Single(RuleCheck.Run<SP1005AttachingPartition>(change, Context(Db(parent), Db(parent, partition), [change])));

        Assert.Equal(Severity.Warning, hazard.Severity);
        Assert.Equal(HazardKind.Lock, hazard.Kind);
    }

    [Fact]
    public void SP1005_ignores_detaching() =>
        RuleCheck.None<SP1005AttachingPartition>(Detach(150000).Change, Detach(150000).Context);

    [Fact]
    public void SP1006_detach_uses_concurrently_from_14()
    {
        var (change, context) = Detach(140000);

        var hazard = RuleCheck.Single<SP1006DetachingPartition>(change, context, HazardKind.Lock);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Recipes.DetachPartitionConcurrently, hazard.Recipe);
        Assert.Equal(Locks.AccessExclusive, hazard.Lock);
    }

    [Fact]
    public void SP1006_detach_before_14_can_only_use_a_lock_timeout()
    {
        var (change, context) = Detach(130010);

        Assert.Equal(Recipes.WithLockTimeout, RuleCheck.Single<SP1006DetachingPartition>(change, context, HazardKind.Lock).Recipe);
    }

    [Fact]
    public void SP1006_a_default_partition_rules_out_concurrently()
    {
        var parent = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var fallback = Tbl("events_default", Col("id")) with { PartitionOf = parent.Name, PartitionBound = "DEFAULT" };
        var attached = Tbl("events_2024", Col("id")) with { PartitionOf = parent.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        var loose = attached with { PartitionOf = null, PartitionBound = null };
        var change = new AlterTable(attached, loose, TableChange.PartitionOf);

        var hazard = RuleCheck.Single<SP1006DetachingPartition>(change, Context(Db(parent, fallback, attached), Db(parent, fallback, loose)), HazardKind.Lock);

        Assert.Equal(Recipes.WithLockTimeout, hazard.Recipe);
        Assert.Contains("default partition", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1006_ignores_attaching() =>
        RuleCheck.None<SP1006DetachingPartition>(Attach().Change, Attach().Context);

    [Fact]
    public void SP1007_enabling_rls_without_policies_hides_every_row()
    {
        var change = new AlterTable(Users, Users with { RowLevelSecurity = true }, TableChange.RowLevelSecurity);

        var hazard = RuleCheck.Single<SP1007EnablingRowLevelSecurity>(change, Context(Db(Users)), HazardKind.BreaksRunningApp);

        Assert.Contains("no policy", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP1007_enabling_or_forcing_rls_with_policies_is_an_error_the_policy_check_recipe_plans()
    {
        var withPolicy = Users.With(Pol("own_rows"));
        var enabled = withPolicy with { RowLevelSecurity = true };
        var forced = enabled with { ForceRowLevelSecurity = true };

        var enable = RuleCheck.Single<SP1007EnablingRowLevelSecurity>(new AlterTable(withPolicy, enabled, TableChange.RowLevelSecurity), Context(Db(withPolicy)), HazardKind.BreaksRunningApp);
        var force = RuleCheck.Single<SP1007EnablingRowLevelSecurity>(new AlterTable(enabled, forced, TableChange.RowLevelSecurity), Context(Db(enabled)), HazardKind.BreaksRunningApp);

        Assert.Contains("its 1 policy grant", enable.Message, StringComparison.Ordinal);
        Assert.Contains("FORCE", force.Message, StringComparison.Ordinal);
        Assert.Equal(SchemaPlanner.Safety.Recipes.VerifyPoliciesThenEnableRls, enable.Recipe);
        Assert.Equal(SchemaPlanner.Safety.Recipes.VerifyPoliciesThenEnableRls, force.Recipe);
    }

    [Fact]
    public void SP1007_disabling_rls_is_only_a_warning_and_a_new_table_is_silent()
    {
        var enabled = Users with { RowLevelSecurity = true };
        var disable = new AlterTable(enabled, Users, TableChange.RowLevelSecurity);
        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP1007EnablingRowLevelSecurity>(disable, Context(Db(enabled)))).Severity);

        var enable = new AlterTable(Users, enabled, TableChange.RowLevelSecurity);
        RuleCheck.None<SP1007EnablingRowLevelSecurity>(enable, Context(Db(), Db(enabled), [new CreateTable(enabled)]));
    }

    private static (AlterTable Change, ClassificationContext Context) Attach()
    {
        var parent = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var loose = Tbl("events_2024", Col("id"));
        var attached = loose with { PartitionOf = parent.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        return (new AlterTable(loose, attached, TableChange.PartitionOf), Context(Db(parent, loose), Db(parent, attached)));
    }

    private static (AlterTable Change, ClassificationContext Context) Detach(int version)
    {
        var parent = Tbl("events", Col("id")) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (id)" };
        var attached = Tbl("events_2024", Col("id")) with { PartitionOf = parent.Name, PartitionBound = "FOR VALUES FROM (1) TO (100)" };
        var loose = attached with { PartitionOf = null, PartitionBound = null };
        return (new AlterTable(attached, loose, TableChange.PartitionOf), Context(Db(parent, attached), Db(parent, loose), version: version));
    }
}
