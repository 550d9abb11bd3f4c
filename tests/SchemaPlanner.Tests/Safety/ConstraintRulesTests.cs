using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class ConstraintRulesTests
{
    private static readonly Table Users = Tbl("users", Col("id", notNull: true), Col("email", "text"), Col("code"));

    private static readonly Table Orders = Tbl("orders", Col("id", notNull: true), Col("user_id"));

    [Fact]
    public void SP4001_unique_constraint_builds_under_access_exclusive_and_rejects_duplicates()
    {
        var change = new AddConstraint(Users.Name, Unique("users_email_key", "email"));

        var hazards = RuleCheck.Run<SP4001AddingUniqueConstraint>(change, Context(Db(Users)));

        Assert.Equal([HazardKind.IndexBuild, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Recipes.UniqueUsingIndex, h.Recipe));
        Assert.Equal(Locks.AccessExclusive, hazards[0].Lock);
    }

    [Fact]
    public void SP4001_ignores_new_tables_and_primary_keys()
    {
        var change = new AddConstraint(Users.Name, Unique("users_email_key", "email"));
        RuleCheck.None<SP4001AddingUniqueConstraint>(change, Context(Db(), Db(Users), [new CreateTable(Users), change]));
        RuleCheck.None<SP4001AddingUniqueConstraint>(new AddConstraint(Users.Name, PrimaryKey("users_pkey", "id")), Context(Db(Users)));
    }

    [Fact]
    public void SP4002_primary_key_builds_its_index_and_mentions_nullable_columns()
    {
        var change = new AddConstraint(Users.Name, PrimaryKey("users_pkey", "id", "email"));

        var hazard = RuleCheck.Single<SP4002AddingPrimaryKey>(change, Context(Db(Users)), HazardKind.IndexBuild);

        Assert.Equal(Recipes.PrimaryKeyUsingIndex, hazard.Recipe);
        Assert.Contains("make email NOT NULL", hazard.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("id,", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP4002_small_table_warns() =>
        Assert.Equal(
            Severity.Warning,
            RuleCheck.Single<SP4002AddingPrimaryKey>(new AddConstraint(Users.Name, PrimaryKey("users_pkey", "id")), Context(Db(Users), statistics: Stats("users", 3)), HazardKind.IndexBuild).Severity);

    [Fact]
    public void SP4003_validated_foreign_key_blocks_writes_on_both_tables()
    {
        var change = new AddConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users"));

        var hazard = RuleCheck.Single<SP4003AddingForeignKey>(change, Context(Db(Users, Orders)), HazardKind.Scan);

        Assert.Equal(Locks.ShareRowExclusive, hazard.Lock);
        Assert.Equal(Recipes.ConstraintNotValidThenValidate, hazard.Recipe);
        Assert.Contains("public.orders and public.users", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP4003_not_valid_and_new_tables_are_fine()
    {
        RuleCheck.Safe(new AddConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users", validated: false)), Context(Db(Users, Orders)));

        var change = new AddConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users"));
        RuleCheck.None<SP4003AddingForeignKey>(change, Context(Db(Users), Db(Users, Orders), [new CreateTable(Orders), change]));
    }

    [Fact]
    public void SP4004_validated_check_scans_and_rejects_old_writes()
    {
        var change = new AddConstraint(Users.Name, Check("users_code_positive", "CHECK ((code > 0))"));

        var hazards = RuleCheck.Run<SP4004AddingCheckConstraint>(change, Context(Db(Users)));

        Assert.Equal([HazardKind.Scan, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.Equal(Locks.AccessExclusive, hazards[0].Lock);
    }

    [Fact]
    public void SP4004_not_valid_check_does_not_scan_but_still_rejects_old_writes()
    {
        var change = new AddConstraint(Users.Name, Check("users_code_positive", "CHECK ((code > 0))", validated: false));

        Assert.Equal(HazardKind.BreaksRunningApp, Assert.Single(RuleCheck.Run<SP4004AddingCheckConstraint>(change, Context(Db(Users)))).Kind);
    }

    [Fact]
    public void SP4005_exclusion_constraint_has_no_online_path()
    {
        var change = new AddConstraint(Users.Name, Exclusion("users_code_excl", "code"));

        var hazard = Assert.Single(RuleCheck.Run<SP4005AddingExclusionConstraint>(change, Context(Db(Users))));

        Assert.Equal(HazardKind.NoOnlinePath, hazard.Kind);
        Assert.Equal(Recipes.Offline, hazard.Recipe);
        RuleCheck.None<SP4005AddingExclusionConstraint>(change, Context(Db(), Db(Users), [new CreateTable(Users), change]));
    }

    [Fact]
    public void SP4006_drop_constraint_is_a_lock_warning_naming_both_tables_of_a_foreign_key()
    {
        var change = new DropConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users"));

        var hazard = Assert.Single(RuleCheck.Run<SP4006DroppingConstraint>(change, Context(Db(Users, Orders))));

        Assert.Equal(Severity.Warning, hazard.Severity);
        Assert.Equal(Recipes.WithLockTimeout, hazard.Recipe);
        Assert.Contains("public.orders and public.users", hazard.Message, StringComparison.Ordinal);
        RuleCheck.Safe(change, Context(Db(Users, Orders)));
    }

    [Fact]
    public void SP4007_dropping_a_primary_key_or_unique_constraint_breaks_on_conflict_and_is_a_decision()
    {
        var keyed = Users.With(PrimaryKey("users_pkey", "id"), Unique("users_email_key", "email"));
        var dropPk = new DropConstraint(Users.Name, PrimaryKey("users_pkey", "id"));
        var dropUnique = new DropConstraint(Users.Name, Unique("users_email_key", "email"));

        var pk = RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(dropPk, Context(Db(keyed), Db(Users.With(Unique("users_email_key", "email")))), HazardKind.BreaksRunningApp);
        var unique = RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(dropUnique, Context(Db(keyed), Db(Users.With(PrimaryKey("users_pkey", "id")))), HazardKind.BreaksRunningApp);

        Assert.All([pk, unique], h => Assert.Equal((Severity.Error, Recipes.Manual), (h.Severity, h.Recipe)));
        Assert.Contains("primary key public.users.users_pkey breaks the running application's INSERT … ON CONFLICT (id) on public.users", pk.Message, StringComparison.Ordinal);
        Assert.Contains("unique constraint", unique.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP4007_a_primary_key_replaced_by_another_on_other_columns_is_flagged()
    {
        var from = Db(Users.With(PrimaryKey("users_pkey", "id")));
        var to = Db(Users.With(PrimaryKey("users_pkey2", "email")));

        var hazard = RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(new DropConstraint(Users.Name, PrimaryKey("users_pkey", "id")), Context(from, to), HazardKind.BreaksRunningApp);

        Assert.Equal(Recipes.Manual, hazard.Recipe);
        Assert.EndsWith("drop it once no running version writes ON CONFLICT on it or needs its lookups", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP4007_keys_that_stay_unique_and_tables_that_go_or_are_new_are_fine()
    {
        var drop = new DropConstraint(Users.Name, Unique("users_email_key", "email"));
        var from = Db(Users.With(Unique("users_email_key", "email")));

        // The unique constraint becomes the primary key, a unique index, or another name over the same columns.
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Users.With(PrimaryKey("users_pkey", "email")))));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Users.With(Idx("users_email_idx", "users", "email", unique: true)))));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Users.With(Unique("users_mail_key", "email")))));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db()));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(Db(), Db(Users), [new CreateTable(Users), drop]));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(new DropConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users")), Context(Db(Users, Orders)));
    }

    [Fact]
    public void SP4007_a_table_becoming_a_partition_keeps_the_key_through_its_parents_copy()
    {
        // The partition's own unique constraint goes; the parent's (or its grandparent's) unique key, index or
        // primary key over the same columns gives the partition its copy, which PostgreSQL does not list on it.
        var drop = new DropConstraint(Name("users_1"), Unique("users_1_email_code_key", "email", "code"));
        var loose = Tbl("users_1", Col("id", notNull: true), Col("email", "text"), Col("code")).With(Unique("users_1_email_code_key", "email", "code"));
        var partition = Tbl("users_1", Col("id", notNull: true), Col("email", "text"), Col("code")) with { PartitionOf = Name("users"), PartitionBound = "FOR VALUES IN ('a')" };
        Table Parent(params Constraint[] keys) => Tbl("users", Col("id", notNull: true), Col("email", "text"), Col("code")).With(keys) with { Kind = TableKind.Partitioned, PartitionKey = "LIST (email)" };
        var from = Db(Parent(), loose);

        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Parent(Unique("users_code_email_key", "code", "email")), partition)));
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Parent(PrimaryKey("users_pkey", "email", "code")), partition)));

        var middle = Tbl("users_m", Col("id", notNull: true), Col("email", "text"), Col("code")) with { Kind = TableKind.Partitioned, PartitionKey = "LIST (code)", PartitionOf = Name("users"), PartitionBound = "FOR VALUES IN ('a')" };
        RuleCheck.None<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Parent(Unique("users_email_code_key", "email", "code")), middle, partition with { PartitionOf = middle.Name })));
    }

    [Fact]
    public void SP4007_a_table_becoming_a_partition_without_an_equivalent_key_is_still_flagged()
    {
        var drop = new DropConstraint(Name("users_1"), Unique("users_1_email_code_key", "email", "code"));
        var loose = Tbl("users_1", Col("id", notNull: true), Col("email", "text"), Col("code")).With(Unique("users_1_email_code_key", "email", "code"));
        var partition = Tbl("users_1", Col("id", notNull: true), Col("email", "text"), Col("code")) with { PartitionOf = Name("users"), PartitionBound = "FOR VALUES IN ('a')" };
        Table Parent(params Constraint[] keys) => Tbl("users", Col("id", notNull: true), Col("email", "text"), Col("code")).With(keys) with { Kind = TableKind.Partitioned, PartitionKey = "LIST (email)" };
        var from = Db(Parent(), loose);

        // No key on the parent, a key over other columns, a key over more columns: none keeps ON CONFLICT (email, code).
        foreach (var parent in new[] { Parent(), Parent(Unique("users_email_key", "email")), Parent(Unique("users_email_code_id_key", "email", "code", "id")) })
        {
            var hazard = RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(parent, partition)), HazardKind.BreaksRunningApp);
            Assert.Contains("INSERT … ON CONFLICT (email, code) on public.users_1", hazard.Message, StringComparison.Ordinal);
        }

        // Another table's key (not an ancestor) does not count either.
        var unrelated = Tbl("other", Col("email", "text"), Col("code")).With(Unique("other_email_code_key", "email", "code"));
        RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(from, Db(Parent(), unrelated, partition)), HazardKind.BreaksRunningApp);

        // A table that already is the partition: no ATTACH hands its key over, so the parent's new key (planned
        // apart from this drop) leaves a window without an arbiter (pg-schema-diff's partitioned_index__028).
        var attachedBefore = Db(Parent(), partition.With(Unique("users_1_email_code_key", "email", "code")));
        RuleCheck.Single<SP4007DroppingPrimaryKeyOrUnique>(drop, Context(attachedBefore, Db(Parent(PrimaryKey("users_pkey", "email", "code")), partition)), HazardKind.BreaksRunningApp);
    }

    [Fact]
    public void Validate_constraint_has_no_hazard() =>
        Assert.Empty(Assert.Single(Classifier.Classify(
            [new ValidateConstraint(Orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users"))],
            Context(Db(Users, Orders)),
            allow: [])).Hazards);
}
