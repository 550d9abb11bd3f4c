using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class IndexRulesTests
{
    private static readonly Table Users = Tbl("users", Col("id", notNull: true), Col("email", "text"));

    [Fact]
    public void SP3001_create_index_blocks_writes()
    {
        var change = new AddIndex(Users.Name, Idx("users_email_idx", "users", "email"));

        var hazard = Assert.Single(RuleCheck.Run<SP3001CreatingIndexNonConcurrently>(change, Context(Db(Users))));

        Assert.Equal(HazardKind.Lock, hazard.Kind);
        Assert.Equal(Locks.Share, hazard.Lock);
        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Recipes.CreateIndexConcurrently, hazard.Recipe);
    }

    [Fact]
    public void SP3001_unique_index_may_fail_on_duplicates()
    {
        var change = new AddIndex(Users.Name, Idx("users_email_key", "users", "email", unique: true));

        var hazards = RuleCheck.Run<SP3001CreatingIndexNonConcurrently>(change, Context(Db(Users)));

        Assert.Equal(Severity.Warning, hazards.Single(h => h.Kind == HazardKind.MayFail).Severity);
    }

    [Fact]
    public void SP3001_small_table_warns_and_new_relations_are_silent()
    {
        var change = new AddIndex(Users.Name, Idx("users_email_idx", "users", "email"));
        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP3001CreatingIndexNonConcurrently>(change, Context(Db(Users), statistics: Stats("users", 50)))).Severity);

        RuleCheck.None<SP3001CreatingIndexNonConcurrently>(change, Context(Db(), Db(Users), [new CreateTable(Users), change]));

        var view = new View(Name("user_counts"), ViewKind.Materialized, "SELECT 1 AS n", new[] { "n" }.ToEquatableArray(), EquatableArray<Model.Index>.Empty, EquatableArray<QualifiedName>.Empty, EquatableArray<string>.Empty);
        var onView = new AddIndex(view.Name, Idx("user_counts_n", "user_counts", "n"));
        RuleCheck.None<SP3001CreatingIndexNonConcurrently>(onView, Context(Db(), Db() with { Views = new[] { view }.ToEquatableArray() }, [new CreateView(view), onView]));
    }

    [Fact]
    public void SP3002_drop_index_takes_access_exclusive()
    {
        var index = Idx("users_email_idx", "users", "email");
        var change = new DropIndex(Users.Name, index);

        var hazard = Assert.Single(RuleCheck.Run<SP3002DroppingIndexNonConcurrently>(change, Context(Db(Users.With(index)))));

        Assert.Equal(Locks.AccessExclusive, hazard.Lock);
        Assert.Equal(Recipes.DropIndexConcurrently, hazard.Recipe);
    }

    [Fact]
    public void SP3002_partitioned_tables_cannot_drop_concurrently()
    {
        var index = Idx("events_at_idx", "events", "at");
        var events = Tbl("events", Col("at")).With(index) with { Kind = TableKind.Partitioned, PartitionKey = "RANGE (at)" };

        var hazard = Assert.Single(RuleCheck.Run<SP3002DroppingIndexNonConcurrently>(new DropIndex(events.Name, index), Context(Db(events))));

        Assert.Equal(Recipes.WithLockTimeout, hazard.Recipe);
    }

    [Fact]
    public void SP3002_ignores_create_index() =>
        RuleCheck.None<SP3002DroppingIndexNonConcurrently>(new AddIndex(Users.Name, Idx("i", "users", "email")), Context(Db(Users)));

    [Theory]
    [InlineData(140000)]
    [InlineData(140003)]
    public void SP3003_broken_14_minor_versions_must_upgrade_first(int version)
    {
        var change = new AddIndex(Users.Name, Idx("users_email_idx", "users", "email"));

        var hazard = Assert.Single(RuleCheck.Run<SP3003ConcurrentIndexBugPg14>(change, Context(Db(Users), version: version)));

        Assert.Equal(HazardKind.NoOnlinePath, hazard.Kind);
        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Contains("14.4", hazard.Message, StringComparison.Ordinal);
        RuleCheck.Single<SP3003ConcurrentIndexBugPg14>(new AddConstraint(Users.Name, Unique("users_email_key", "email")), Context(Db(Users), version: version), HazardKind.NoOnlinePath);
    }

    [Theory]
    [InlineData(130010)]
    [InlineData(140004)]
    [InlineData(150000)]
    public void SP3003_fixed_versions_are_fine(int version) =>
        RuleCheck.None<SP3003ConcurrentIndexBugPg14>(new AddIndex(Users.Name, Idx("users_email_idx", "users", "email")), Context(Db(Users), version: version));

    [Fact]
    public void SP3003_ignores_new_tables_and_other_constraints()
    {
        var change = new AddIndex(Users.Name, Idx("users_email_idx", "users", "email"));
        RuleCheck.None<SP3003ConcurrentIndexBugPg14>(change, Context(Db(), Db(Users), [new CreateTable(Users), change], version: 140002));
        RuleCheck.None<SP3003ConcurrentIndexBugPg14>(new AddConstraint(Users.Name, Check("c", "CHECK ((id > 0))")), Context(Db(Users), version: 140002));
    }

    [Fact]
    public void SP4007_dropping_a_unique_index_breaks_on_conflict_and_is_dropped_concurrently_after_the_deploy()
    {
        var index = Idx("users_email_key", "users", "email", unique: true);
        var change = new DropIndex(Users.Name, index);

        var hazard = RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(change, Context(Db(Users.With(index)), Db(Users)), HazardKind.BreaksRunningApp);

        Assert.Equal((Severity.Error, Recipes.DropIndexConcurrently), (hazard.Severity, hazard.Recipe));
        Assert.Contains("ON CONFLICT (email)", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP4007_a_plain_index_a_partial_one_kept_as_partial_or_a_replacement_is_fine_but_a_new_predicate_is_not()
    {
        var unique = Idx("users_email_key", "users", "email", unique: true);
        var partial = unique with { Name = "users_email_live", Predicate = "(id > 0)" };
        var drop = new DropIndex(Users.Name, unique);

        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(new DropIndex(Users.Name, Idx("users_email_idx", "users", "email")), Context(Db(Users.With(Idx("users_email_idx", "users", "email"))), Db(Users)));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(Db(Users.With(unique)), Db(Users.With(unique with { Name = "users_email_uq" }))));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(new DropIndex(Users.Name, partial), Context(Db(Users.With(partial)), Db(Users.With(partial with { Name = "p2" }))));
        RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(Db(Users.With(unique)), Db(Users.With(partial))), HazardKind.BreaksRunningApp);
    }
}
