using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class TypeRulesTests
{
    private static readonly EnumType Mood = new(Name("mood"), new[] { "sad", "ok", "happy" }.ToEquatableArray());

    private static readonly Table People = Tbl("people", Col("id"), Col("mood", "public.mood", typeName: Name("mood")));

    private static readonly Domain Positive = new(Name("positive"), "integer", null, null, false, EquatableArray<DomainCheck>.Empty);

    private static readonly Table Scores = Tbl("scores", Col("id"), Col("points", "public.positive", typeName: Name("positive")));

    [Fact]
    public void SP5001_removing_an_enum_value_breaks_the_app_and_rewrites_each_column()
    {
        var smaller = Mood with { Values = new[] { "sad", "happy" }.ToEquatableArray() };
        var change = new ReplaceEnum(Mood, smaller);
        var before = Db(People) with { Enums = new[] { Mood }.ToEquatableArray() };

        var hazards = RuleCheck.Run<SP5001ChangingEnumValues>(change, Context(before, before with { Enums = new[] { smaller }.ToEquatableArray() }));

        Assert.Equal([HazardKind.BreaksRunningApp, HazardKind.Rewrite], hazards.Select(h => h.Kind));
        Assert.Contains("removing 'ok'", hazards[0].Message, StringComparison.Ordinal);
        Assert.Contains("public.people.mood", hazards[1].Message, StringComparison.Ordinal);
        Assert.All(hazards, h => Assert.Equal(Recipes.EnumNewType, h.Recipe));
    }

    [Fact]
    public void SP5001_reordering_is_flagged_too()
    {
        var reordered = Mood with { Values = new[] { "happy", "ok", "sad" }.ToEquatableArray() };
        var hazard = RuleCheck.Single<SP5001ChangingEnumValues>(new ReplaceEnum(Mood, reordered), Context(Db()), HazardKind.BreaksRunningApp);
        Assert.StartsWith("reordering", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP5002_adding_an_enum_value_is_safe_but_not_transactional_before_12()
    {
        var bigger = Mood with { Values = new[] { "sad", "ok", "happy", "ecstatic" }.ToEquatableArray() };
        var change = new AddEnumValue(Mood, bigger, "ecstatic", null, "happy");

        RuleCheck.None<SP5002AddingEnumValue>(change, Context(Db()));
        RuleCheck.Safe(change, Context(Db()));
        var hazard = Assert.Single(RuleCheck.Run<SP5002AddingEnumValue>(change, Context(Db(), version: 110000)));
        Assert.Equal(HazardKind.NonTransactional, hazard.Kind);
        Assert.Equal(Severity.Warning, hazard.Severity);
    }

    [Fact]
    public void SP5003_domain_check_scans_every_table_using_it()
    {
        var checkedDomain = Positive with { Checks = new[] { new DomainCheck("positive_check", "CHECK ((VALUE > 0))", true) }.ToEquatableArray() };
        var other = Tbl("bonuses", Col("points", "public.positive", typeName: Name("positive")));
        var change = new AlterDomain(Positive, checkedDomain);

        var hazards = RuleCheck.Run<SP5003AddingDomainConstraint>(change, Context(Db(Scores, other)));

        Assert.Equal(2, hazards.Count(h => h.Kind == HazardKind.Scan));
        Assert.All(hazards.Where(h => h.Kind == HazardKind.Scan), h => Assert.Equal(Locks.Share, h.Lock));
        Assert.Contains("public.scores.points", hazards.Single(h => h.Kind == HazardKind.BreaksRunningApp).Message, StringComparison.Ordinal);
        Assert.All(hazards, h => Assert.Equal(Recipes.Manual, h.Recipe));
    }

    [Fact]
    public void SP5003_validate_splits_the_lock_only_from_19()
    {
        var notValid = Positive with { Checks = new[] { new DomainCheck("positive_check", "CHECK ((VALUE > 0))", false) }.ToEquatableArray() };
        var add = new AlterDomain(Positive, notValid);

        // NOT VALID: no scan, but the new writes are checked.
        Assert.Equal(HazardKind.BreaksRunningApp, Assert.Single(RuleCheck.Run<SP5003AddingDomainConstraint>(add, Context(Db(Scores)))).Kind);
        Assert.Equal(Recipes.ConstraintNotValidThenValidate, Assert.Single(RuleCheck.Run<SP5003AddingDomainConstraint>(add, Context(Db(Scores), version: 190000))).Recipe);

        // VALIDATE on a domain holds SHARE (writes blocked) before 19.
        var validate = new AlterDomain(notValid, notValid with { Checks = new[] { new DomainCheck("positive_check", "CHECK ((VALUE > 0))", true) }.ToEquatableArray() });
        Assert.Equal(HazardKind.Scan, Assert.Single(RuleCheck.Run<SP5003AddingDomainConstraint>(validate, Context(Db(Scores)))).Kind);
        RuleCheck.None<SP5003AddingDomainConstraint>(validate, Context(Db(Scores), version: 190000));
    }

    [Fact]
    public void SP5003_domain_not_null_and_unused_domains()
    {
        var change = new AlterDomain(Positive, Positive with { NotNull = true });
        var hazards = RuleCheck.Run<SP5003AddingDomainConstraint>(change, Context(Db(Scores)));
        Assert.Equal([HazardKind.Scan, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
        Assert.Contains("NOT NULL", hazards[0].Message, StringComparison.Ordinal);

        RuleCheck.None<SP5003AddingDomainConstraint>(change, Context(Db()));
        RuleCheck.None<SP5003AddingDomainConstraint>(new AlterDomain(Positive with { NotNull = true }, Positive), Context(Db(Scores)));
    }

    [Fact]
    public void SP5004_domain_base_type_cannot_change_in_place()
    {
        var change = new AlterDomain(Positive, Positive with { BaseType = "bigint" });

        var hazard = Assert.Single(RuleCheck.Run<SP5004ChangingDomainType>(change, Context(Db(Scores))));

        Assert.Equal(HazardKind.NoOnlinePath, hazard.Kind);
        RuleCheck.None<SP5004ChangingDomainType>(new AlterDomain(Positive, Positive with { Default = "1" }), Context(Db(Scores)));
    }
}
