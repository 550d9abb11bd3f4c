using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class ColumnRulesTests
{
    private static readonly Table Users = Tbl("users", Col("id", notNull: true), Col("email", "text"), Col("age"))
        .With(PrimaryKey("users_pkey", "id"));

    // ---- SP2001 adding-required-column ----------------------------------------------------------------------

    [Fact]
    public void SP2001_not_null_without_default_fails_and_breaks_old_inserts_even_on_a_small_table()
    {
        var change = new AddColumn(Users.Name, Col("tenant", notNull: true));

        var hazards = RuleCheck.Run<SP2001AddingRequiredColumn>(change, Context(Db(Users), statistics: Stats("users", 5)));

        Assert.Equal([HazardKind.MayFail, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Severity.Error, h.Severity));
        Assert.All(hazards, h => Assert.Equal(Recipes.AddColumnThenBackfill, h.Recipe));
    }

    [Theory]
    [MemberData(nameof(NotRequiredColumns))]
    public void SP2001_ignores_columns_that_get_a_value(Column column) =>
        RuleCheck.None<SP2001AddingRequiredColumn>(new AddColumn(Users.Name, column), Context(Db(Users)));

    public static TheoryData<Column> NotRequiredColumns() =>
    [
        Col("tenant"),
        Col("tenant", notNull: true, @default: "0"),
        Col("tenant", notNull: true, identity: IdentityKind.Always),
        Col("tenant", notNull: true, generated: "(id * 2)"),
    ];

    [Fact]
    public void SP2001_ignores_a_table_created_in_the_same_diff()
    {
        var table = Tbl("fresh", Col("id"));
        var change = new AddColumn(table.Name, Col("tenant", notNull: true));
        RuleCheck.None<SP2001AddingRequiredColumn>(change, Context(Db(), Db(table), [new CreateTable(table), change]));
    }

    // ---- SP2002 adding-column-with-rewrite ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(RewritingColumns))]
    public void SP2002_flags_columns_that_rewrite(Column column, string expected)
    {
        var hazard = RuleCheck.Single<SP2002AddingColumnWithRewrite>(new AddColumn(Users.Name, column), Context(Db(Users)), HazardKind.Rewrite);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Equal(Locks.AccessExclusive, hazard.Lock);
        Assert.Contains(expected, hazard.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Column, string> RewritingColumns() => new()
    {
        { Col("token", "uuid", @default: "gen_random_uuid()", volatility: Volatility.Volatile), "volatile default gen_random_uuid()" },
        { Col("seq", "bigint", notNull: true, @default: "nextval('users_seq_seq'::regclass)", volatility: Volatility.Volatile), "volatile default" },
        { Col("no", "bigint", notNull: true, identity: IdentityKind.ByDefault), "identity column" },
        { Col("double_age", generated: "(age * 2)"), "stored generated column" },
    };

    [Fact]
    public void SP2002_a_non_volatile_default_is_catalog_only_from_11()
    {
        var stable = new AddColumn(Users.Name, Col("created", "timestamp with time zone", notNull: true, @default: "now()", volatility: Volatility.Stable));
        var constant = new AddColumn(Users.Name, Col("active", "boolean", notNull: true, @default: "true"));

        RuleCheck.None<SP2002AddingColumnWithRewrite>(stable, Context(Db(Users), version: 110000));
        RuleCheck.None<SP2002AddingColumnWithRewrite>(constant, Context(Db(Users)));
        Assert.Contains("before PostgreSQL 11", RuleCheck.Single<SP2002AddingColumnWithRewrite>(constant, Context(Db(Users), version: 100023), HazardKind.Rewrite).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2002_a_constrained_domain_rewrites_but_a_plain_one_does_not()
    {
        var positive = new Domain(Name("positive"), "integer", null, null, false, new[] { new DomainCheck("positive_check", "CHECK ((VALUE > 0))", true) }.ToEquatableArray());
        var plain = new Domain(Name("plain"), "integer", null, null, false, EquatableArray<DomainCheck>.Empty);
        var model = Db(Users) with { Domains = new[] { plain, positive }.ToEquatableArray() };

        RuleCheck.Single<SP2002AddingColumnWithRewrite>(new AddColumn(Users.Name, Col("score", "public.positive", typeName: positive.Name)), Context(model), HazardKind.Rewrite);
        RuleCheck.None<SP2002AddingColumnWithRewrite>(new AddColumn(Users.Name, Col("score", "public.plain", typeName: plain.Name)), Context(model));
    }

    [Fact]
    public void SP2002_is_a_warning_on_a_small_table()
    {
        var change = new AddColumn(Users.Name, Col("token", "uuid", @default: "gen_random_uuid()", volatility: Volatility.Volatile));
        var hazard = RuleCheck.Single<SP2002AddingColumnWithRewrite>(change, Context(Db(Users), statistics: Stats("users", 9_999)), HazardKind.Rewrite);
        Assert.Equal(Severity.Warning, hazard.Severity);
        Assert.Contains("~9,999 rows", hazard.Message, StringComparison.Ordinal);

        var big = RuleCheck.Single<SP2002AddingColumnWithRewrite>(change, Context(Db(Users), statistics: Stats("users", 10_000)), HazardKind.Rewrite);
        Assert.Equal(Severity.Error, big.Severity);
    }

    [Fact]
    public void SP2002_unknown_size_counts_as_large()
    {
        var change = new AddColumn(Users.Name, Col("token", "uuid", @default: "gen_random_uuid()", volatility: Volatility.Volatile));
        var hazard = RuleCheck.Single<SP2002AddingColumnWithRewrite>(change, Context(Db(Users), statistics: Stats("users", -1)), HazardKind.Rewrite);
        Assert.Equal(Severity.Error, hazard.Severity);
    }

    // ---- SP2003 dropping-column / SP2004 renaming-column ------------------------------------------------------

    [Fact]
    public void SP2003_drop_column_breaks_the_app_and_loses_data_even_when_small()
    {
        var change = new DropColumn(Users.Name, Users.FindColumn("email")!);

        var hazards = RuleCheck.Run<SP2003DroppingColumn>(change, Context(Db(Users), statistics: Stats("users", 1)));

        Assert.Equal([HazardKind.BreaksRunningApp, HazardKind.DataLoss], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Severity.Error, h.Severity));
    }

    [Fact]
    public void SP2003_ignores_adding() =>
        RuleCheck.None<SP2003DroppingColumn>(new AddColumn(Users.Name, Col("x")), Context(Db(Users)));

    [Fact]
    public void SP2004_rename_column_breaks_the_app()
    {
        var change = new RenameColumn(Users.Name, Users.FindColumn("email")!, Col("mail", "text"));

        var hazard = RuleCheck.Single<SP2004RenamingColumn>(change, Context(Db(Users)), HazardKind.BreaksRunningApp);

        Assert.Equal(Recipes.RenameColumnWithSync, hazard.Recipe);
        Assert.Contains("mail", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2004_ignores_drop() =>
        RuleCheck.None<SP2004RenamingColumn>(new DropColumn(Users.Name, Users.FindColumn("email")!), Context(Db(Users)));

    // ---- SP2005 changing-column-type-with-rewrite ------------------------------------------------------------

    [Theory]
    [InlineData("integer", "bigint")]
    [InlineData("character varying(20)", "character varying(10)")]
    [InlineData("text", "character varying(10)")]
    [InlineData("text", "jsonb")]
    [InlineData("json", "jsonb")]
    [InlineData("numeric(10,2)", "numeric(10,3)")]
    [InlineData("numeric(10,2)", "numeric(12,3)")]
    [InlineData("numeric", "numeric(10,2)")]
    [InlineData("timestamp without time zone", "timestamp(3) without time zone")]
    [InlineData("character(5)", "character(10)")]
    [InlineData("character varying(20)[]", "character varying(30)[]")]
    [InlineData("inet", "cidr")]
    public void SP2005_flags_rewriting_type_changes(string from, string to)
    {
        var change = AlterType("age", from, to);

        var hazards = RuleCheck.Run<SP2005ChangingColumnTypeWithRewrite>(change, Context(Db(Users)));

        Assert.Equal([HazardKind.Rewrite, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Recipes.ShadowColumnTypeChange, h.Recipe));
    }

    [Theory]
    [InlineData("character varying(20)", "character varying(30)")]
    [InlineData("character varying(20)", "character varying")]
    [InlineData("character varying(20)", "text")]
    [InlineData("text", "character varying")]
    [InlineData("numeric(10,2)", "numeric(12,2)")]
    [InlineData("numeric(10,2)", "numeric")]
    [InlineData("timestamp(3) without time zone", "timestamp(6) without time zone")]
    [InlineData("timestamp(3) with time zone", "timestamp with time zone")]
    [InlineData("time(3) without time zone", "time(5) without time zone")]
    [InlineData("interval(3)", "interval")]
    [InlineData("interval day to second(2)", "interval day to second(4)")]
    [InlineData("cidr", "inet")]
    [InlineData("bit varying(5)", "bit varying(10)")]
    public void SP2005_binary_coercible_changes_are_safe(string from, string to)
    {
        var change = AlterType("age", from, to);
        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(change, Context(Db(Users)));
        RuleCheck.Safe(change, Context(Db(Users)));
    }

    [Fact]
    public void SP2005_timestamp_to_timestamptz_rewrites_before_12_only()
    {
        var change = AlterType("age", "timestamp without time zone", "timestamp with time zone");
        Assert.Equal(2, RuleCheck.Run<SP2005ChangingColumnTypeWithRewrite>(change, Context(Db(Users), version: 110020)).Count);
        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(change, Context(Db(Users)));
    }

    [Fact]
    public void SP2005_leaves_primary_key_widening_to_SP2006_and_small_tables_get_a_warning()
    {
        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(AlterType("id", "integer", "bigint"), Context(Db(Users)));

        var hazards = RuleCheck.Run<SP2005ChangingColumnTypeWithRewrite>(AlterType("age", "integer", "bigint"), Context(Db(Users), statistics: Stats("users", 100)));
        Assert.Equal(Severity.Warning, hazards.Single(h => h.Kind == HazardKind.Rewrite).Severity);
        Assert.Equal(Severity.Error, hazards.Single(h => h.Kind == HazardKind.BreaksRunningApp).Severity);
    }

    [Fact]
    public void SP2005_domains_count_as_their_base_type_unless_constrained()
    {
        var plain = new Domain(Name("plain_int"), "integer", null, null, false, EquatableArray<DomainCheck>.Empty);
        var positive = new Domain(Name("positive"), "integer", null, null, true, EquatableArray<DomainCheck>.Empty);
        var model = Db(Users) with { Domains = new[] { plain, positive }.ToEquatableArray() };
        var old = Users.FindColumn("age")!;

        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(
            new AlterColumn(Users.Name, old, old with { Type = "public.plain_int", TypeName = plain.Name }, ColumnChange.Type), Context(model));
        Assert.NotEmpty(RuleCheck.Run<SP2005ChangingColumnTypeWithRewrite>(
            new AlterColumn(Users.Name, old, old with { Type = "public.positive", TypeName = positive.Name }, ColumnChange.Type), Context(model)));
    }

    // ---- SP2006 changing-primary-key-to-bigint ----------------------------------------------------------------

    [Fact]
    public void SP2006_integer_primary_key_to_bigint_names_the_referencing_foreign_keys()
    {
        var orders = Tbl("orders", Col("id"), Col("user_id")).With(ForeignKey("orders_user_id_fkey", "user_id", "users"));
        var change = AlterType("id", "integer", "bigint");

        var hazard = RuleCheck.Single<SP2006ChangingPrimaryKeyToBigint>(change, Context(Db(Users, orders)), HazardKind.Rewrite);

        Assert.Equal(Recipes.BigintPrimaryKey, hazard.Recipe);
        Assert.Contains("1 foreign key (public.orders.orders_user_id_fkey)", hazard.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age", "integer", "bigint")]
    [InlineData("id", "bigint", "integer")]
    [InlineData("id", "integer", "numeric")]
    public void SP2006_ignores_other_columns_and_narrowing(string column, string from, string to) =>
        RuleCheck.None<SP2006ChangingPrimaryKeyToBigint>(AlterType(column, from, to), Context(Db(Users)));

    // ---- SP2007 changing-timestamp-time-zone ------------------------------------------------------------------

    [Fact]
    public void SP2007_timestamp_to_timestamptz_warns_about_time_zone_and_rebuilds_indexes()
    {
        var events = Tbl("events", Col("at", "timestamp without time zone")).With(Idx("events_at_idx", "events", "at"));
        var old = events.FindColumn("at")!;
        var change = new AlterColumn(events.Name, old, old with { Type = "timestamp with time zone" }, ColumnChange.Type);

        var hazards = RuleCheck.Run<SP2007ChangingTimestampTimeZone>(change, Context(Db(events)));

        Assert.Equal(Severity.Warning, hazards.Single(h => h.Kind == HazardKind.Rewrite).Severity);
        Assert.Contains("TimeZone is UTC", hazards[0].Message, StringComparison.Ordinal);
        var rebuild = hazards.Single(h => h.Kind == HazardKind.IndexBuild);
        Assert.Equal(Severity.Error, rebuild.Severity);
        Assert.Contains("events_at_idx", rebuild.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2007_unindexed_column_only_warns()
    {
        var change = AlterType("age", "timestamp with time zone", "timestamp without time zone");
        var hazard = Assert.Single(RuleCheck.Run<SP2007ChangingTimestampTimeZone>(change, Context(Db(Users))));
        Assert.Equal(Severity.Warning, hazard.Severity);
        RuleCheck.Safe(change, Context(Db(Users)));
    }

    [Theory]
    [InlineData("timestamp without time zone", "timestamp with time zone", 110000)]
    [InlineData("timestamp without time zone", "timestamp(3) with time zone", 150000)]
    [InlineData("timestamp without time zone", "timestamp(3) without time zone", 150000)]
    public void SP2007_ignores_older_servers_and_other_changes(string from, string to, int version) =>
        RuleCheck.None<SP2007ChangingTimestampTimeZone>(AlterType("age", from, to), Context(Db(Users), version: version));

    // ---- SP2008 setting-not-null -------------------------------------------------------------------------------

    [Fact]
    public void SP2008_set_not_null_scans_and_breaks_old_writers()
    {
        var change = Nullability("email", notNull: true);

        var hazards = RuleCheck.Run<SP2008SettingNotNull>(change, Context(Db(Users)));

        Assert.Equal([HazardKind.Scan, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.All(hazards, h => Assert.Equal(Recipes.NotNullViaCheck, h.Recipe));
        Assert.Equal(Severity.Error, hazards[0].Severity);
    }

    [Fact]
    public void SP2008_a_validated_not_null_check_makes_it_safe_from_12()
    {
        var checkedUsers = Users.With(Check("users_email_not_null", "CHECK ((email IS NOT NULL))"));
        var change = Nullability("email", notNull: true);

        RuleCheck.None<SP2008SettingNotNull>(change, Context(Db(checkedUsers)));
        Assert.Equal(HazardKind.Scan, Assert.Single(RuleCheck.Run<SP2008SettingNotNull>(change, Context(Db(checkedUsers), version: 110000))).Kind);

        // A check that is not validated yet, or is about another column, does not count.
        var notValid = Users.With(Check("users_email_not_null", "CHECK ((email IS NOT NULL))", validated: false));
        var other = Users.With(Check("users_age_not_null", "CHECK ((age IS NOT NULL))"));
        Assert.Equal(2, RuleCheck.Run<SP2008SettingNotNull>(change, Context(Db(notValid))).Count);
        Assert.Equal(2, RuleCheck.Run<SP2008SettingNotNull>(change, Context(Db(other))).Count);
    }

    [Fact]
    public void SP2008_small_table_lowers_the_scan_but_not_the_compatibility_hazard()
    {
        var hazards = RuleCheck.Run<SP2008SettingNotNull>(Nullability("email", notNull: true), Context(Db(Users), statistics: Stats("users", 10)));
        Assert.Equal(Severity.Warning, hazards.Single(h => h.Kind == HazardKind.Scan).Severity);
        Assert.Equal(Severity.Error, hazards.Single(h => h.Kind == HazardKind.BreaksRunningApp).Severity);
    }

    [Fact]
    public void SP2008_drop_not_null_is_safe()
    {
        var change = new AlterColumn(Users.Name, Users.FindColumn("id")!, Users.FindColumn("id")! with { NotNull = false }, ColumnChange.Nullability);
        RuleCheck.None<SP2008SettingNotNull>(change, Context(Db(Users)));
        RuleCheck.Safe(change, Context(Db(Users)));
    }

    // ---- SP2009 dropping-column-default ---------------------------------------------------------------------

    [Fact]
    public void SP2009_drop_default_breaks_inserts_that_rely_on_it()
    {
        var old = Col("status", "text", notNull: true, @default: "'new'::text");
        var table = Tbl("tickets", old);
        var change = new AlterColumn(table.Name, old, old with { Default = null, DefaultVolatility = null }, ColumnChange.Default);

        var hazard = RuleCheck.Single<SP2009DroppingColumnDefault>(change, Context(Db(table)), HazardKind.BreaksRunningApp);

        Assert.Equal(Recipes.DropDefaultAfterApp, hazard.Recipe);
        Assert.Contains("fail", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2009_drop_identity_breaks_inserts_too()
    {
        var old = Col("id", "bigint", notNull: true, identity: IdentityKind.ByDefault);
        var table = Tbl("tickets", old);
        var change = new AlterColumn(table.Name, old, old with { Identity = IdentityKind.None }, ColumnChange.Identity);

        var hazard = RuleCheck.Single<SP2009DroppingColumnDefault>(change, Context(Db(table)), HazardKind.BreaksRunningApp);
        Assert.Contains("identity", hazard.Message, StringComparison.Ordinal);
        Assert.Equal(Recipes.IdentityAlwaysAfterApp, hazard.Recipe);
    }

    [Fact]
    public void SP2009_setting_or_changing_a_default_is_safe()
    {
        var none = Col("status", "text");
        var some = none with { Default = "'new'::text", DefaultVolatility = Volatility.Immutable };
        var other = none with { Default = "'open'::text", DefaultVolatility = Volatility.Immutable };
        var table = Tbl("tickets", none);

        foreach (var change in new[]
        {
            new AlterColumn(table.Name, none, some, ColumnChange.Default),
            new AlterColumn(table.Name, some, other, ColumnChange.Default),
        })
        {
            RuleCheck.None<SP2009DroppingColumnDefault>(change, Context(Db(table)));
            RuleCheck.Safe(change, Context(Db(table)));
        }
    }

    // ---- SP2010 changing-column-collation -----------------------------------------------------------------------

    [Fact]
    public void SP2010_collation_change_rebuilds_indexes_on_the_column()
    {
        var table = Tbl("people", Col("name", "text")).With(Idx("people_name_idx", "people", "name"));
        var old = table.FindColumn("name")!;
        var change = new AlterColumn(table.Name, old, old with { Collation = "pg_catalog.\"C\"" }, ColumnChange.Collation);

        var hazard = RuleCheck.Single<SP2010ChangingColumnCollation>(change, Context(Db(table)), HazardKind.IndexBuild);

        Assert.Equal(Severity.Error, hazard.Severity);
        Assert.Contains("people_name_idx", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2010_unindexed_collation_change_only_warns_and_rewrites_are_left_to_SP2005()
    {
        var old = Users.FindColumn("email")!;
        var collated = new AlterColumn(Users.Name, old, old with { Collation = "pg_catalog.\"C\"" }, ColumnChange.Collation);
        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP2010ChangingColumnCollation>(collated, Context(Db(Users)))).Severity);

        var retyped = new AlterColumn(Users.Name, old, old with { Type = "character varying(10)", Collation = "pg_catalog.\"C\"" }, ColumnChange.Collation | ColumnChange.Type);
        RuleCheck.None<SP2010ChangingColumnCollation>(retyped, Context(Db(Users)));
    }

    [Fact]
    public void SP2010_index_detection_does_not_match_other_columns_by_substring()
    {
        var table = Tbl("people", Col("name", "text"), Col("nickname", "text"))
            .With(Idx("people_nickname_idx", "people", "nickname"));
        var old = table.FindColumn("name")!;
        var change = new AlterColumn(table.Name, old, old with { Collation = "pg_catalog.\"C\"" }, ColumnChange.Collation);

        Assert.Equal(HazardKind.Lock, Assert.Single(RuleCheck.Run<SP2010ChangingColumnCollation>(change, Context(Db(table)))).Kind);
    }

    // ---- SP2011 changing-generated-column ---------------------------------------------------------------------

    [Fact]
    public void SP2011_changing_the_expression_rewrites()
    {
        var old = Col("double_age", generated: "(age * 2)");
        var change = new AlterColumn(Users.Name, old, old with { Generated = "(age * 3)" }, ColumnChange.Generated);

        Assert.Contains("SET EXPRESSION", RuleCheck.Single<SP2011ChangingGeneratedColumn>(change, Context(Db(Users), version: 170000), HazardKind.Rewrite).Message, StringComparison.Ordinal);
        Assert.Contains("before PostgreSQL 17", RuleCheck.Single<SP2011ChangingGeneratedColumn>(change, Context(Db(Users)), HazardKind.Rewrite).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP2011_making_a_column_generated_rewrites_and_rejects_old_writes()
    {
        var old = Users.FindColumn("age")!;
        var change = new AlterColumn(Users.Name, old, old with { Generated = "(id * 2)" }, ColumnChange.Generated);

        var hazards = RuleCheck.Run<SP2011ChangingGeneratedColumn>(change, Context(Db(Users)));

        Assert.Equal([HazardKind.Rewrite, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
    }

    [Fact]
    public void SP2011_drop_expression_is_catalog_only_from_13()
    {
        var old = Col("double_age", generated: "(age * 2)");
        var change = new AlterColumn(Users.Name, old, old with { Generated = null }, ColumnChange.Generated);

        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP2011ChangingGeneratedColumn>(change, Context(Db(Users)))).Severity);
        Assert.Equal(Severity.Error, RuleCheck.Single<SP2011ChangingGeneratedColumn>(change, Context(Db(Users), version: 120000), HazardKind.Rewrite).Severity);
    }

    [Fact]
    public void SP2011_ignores_default_changes() =>
        RuleCheck.None<SP2011ChangingGeneratedColumn>(
            new AlterColumn(Users.Name, Users.FindColumn("age")!, Users.FindColumn("age")! with { Default = "1" }, ColumnChange.Default),
            Context(Db(Users)));

    // ---- SP2012 changing-column-identity ------------------------------------------------------------------------

    [Fact]
    public void SP2012_adding_identity_warns_about_existing_values()
    {
        var old = Users.FindColumn("id")!;
        var change = new AlterColumn(Users.Name, old, old with { Identity = IdentityKind.ByDefault }, ColumnChange.Identity);

        var hazard = Assert.Single(RuleCheck.Run<SP2012ChangingColumnIdentity>(change, Context(Db(Users))));

        Assert.Equal(HazardKind.MayFail, hazard.Kind);
        Assert.Equal(Severity.Warning, hazard.Severity);
        Assert.Equal(Recipes.IdentityAlwaysAfterApp, hazard.Recipe);
        RuleCheck.Safe(change, Context(Db(Users)));
    }

    [Fact]
    public void SP2012_generated_always_rejects_explicit_values()
    {
        var old = Col("id", "bigint", notNull: true, identity: IdentityKind.ByDefault);
        var table = Tbl("tickets", old);
        var change = new AlterColumn(table.Name, old, old with { Identity = IdentityKind.Always }, ColumnChange.Identity);

        var hazard = RuleCheck.Single<SP2012ChangingColumnIdentity>(change, Context(Db(table)), HazardKind.BreaksRunningApp);
        Assert.Equal(Recipes.IdentityAlwaysAfterApp, hazard.Recipe);
        RuleCheck.None<SP2012ChangingColumnIdentity>(new AlterColumn(table.Name, old with { Identity = IdentityKind.Always }, old, ColumnChange.Identity), Context(Db(table)));
    }

    [Fact]
    public void SP2012_identity_options_alone_are_safe()
    {
        var old = Col("id", "bigint", notNull: true, identity: IdentityKind.ByDefault);
        var table = Tbl("tickets", old);
        var change = new AlterColumn(table.Name, old, old with { IdentityOptions = new IdentityOptions(3, 4, 2, 9, 5, false) }, ColumnChange.IdentityOptions);

        RuleCheck.None<SP2012ChangingColumnIdentity>(change, Context(Db(table)));
        RuleCheck.Safe(change, Context(Db(table)));
    }

    private static AlterColumn AlterType(string column, string from, string to)
    {
        var old = Users.FindColumn(column)! with { Type = from, TypeName = new QualifiedName("pg_catalog", from) };
        return new AlterColumn(Users.Name, old, old with { Type = to, TypeName = new QualifiedName("pg_catalog", to) }, ColumnChange.Type);
    }

    private static AlterColumn Nullability(string column, bool notNull)
    {
        var old = Users.FindColumn(column)!;
        return new AlterColumn(Users.Name, old with { NotNull = !notNull }, old with { NotNull = notNull }, ColumnChange.Nullability);
    }
}
