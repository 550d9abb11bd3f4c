using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class ObjectRulesTests
{
    private static readonly Table Users = Tbl("users", Col("id"), Col("email", "text"));

    [Fact]
    public void SP6001_dropping_a_view_breaks_callers()
    {
        var view = View("active_users", "id", "email");
        var change = new DropView(view);

        var hazard = Assert.Single(RuleCheck.Run<SP6001DroppingView>(change, Context(Db() with { Views = Views(view) }, Db())));

        Assert.Equal(HazardKind.BreaksRunningApp, hazard.Kind);
        Assert.Equal(Recipes.StopUsingThenDrop, hazard.Recipe);
    }

    [Fact]
    public void SP6001_recreating_a_view_without_a_column_breaks_callers()
    {
        var old = View("active_users", "id", "email");
        var change = new DropView(old);

        var hazard = Assert.Single(RuleCheck.Run<SP6001DroppingView>(change, Context(Db() with { Views = Views(old) }, Db() with { Views = Views(View("active_users", "id")) })));

        Assert.Equal(HazardKind.BreaksRunningApp, hazard.Kind);
        Assert.Equal(Recipes.ViewReplaceWithNew, hazard.Recipe);
        Assert.Contains("email", hazard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SP6001_recreating_a_view_with_the_same_columns_only_warns()
    {
        var old = View("active_users", "id", "email");
        var change = new DropView(old);
        var context = Context(Db() with { Views = Views(old) }, Db() with { Views = Views(View("active_users", "id", "email", "name")) });

        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP6001DroppingView>(change, context)).Severity);
        RuleCheck.Safe(change, context);
    }

    [Fact]
    public void SP6001_recreating_a_materialized_view_repopulates_it_under_lock()
    {
        var old = View("user_counts", "n") with { Kind = ViewKind.Materialized };
        var change = new DropView(old);

        var hazard = Assert.Single(RuleCheck.Run<SP6001DroppingView>(change, Context(Db() with { Views = Views(old) }, Db() with { Views = Views(old) })));

        Assert.Equal(HazardKind.Lock, hazard.Kind);
        Assert.Equal(Severity.Error, hazard.Severity);
    }

    [Fact]
    public void SP6002_dropping_a_function_breaks_callers()
    {
        var function = Fn("slugify", "text text");
        var hazard = Assert.Single(RuleCheck.Run<SP6002DroppingFunction>(new DropFunction(function), Context(Db() with { Functions = Fns(function) }, Db())));

        Assert.Equal(HazardKind.BreaksRunningApp, hazard.Kind);
        Assert.Equal(Recipes.StopUsingThenDrop, hazard.Recipe);
    }

    [Fact]
    public void SP6002_signature_and_result_changes_need_a_new_function()
    {
        var old = Fn("slugify", "text text");
        var wider = Fn("slugify", "text text, sep text");
        var retyped = old with { Result = "character varying" };

        var signature = Assert.Single(RuleCheck.Run<SP6002DroppingFunction>(new DropFunction(old), Context(Db() with { Functions = Fns(old) }, Db() with { Functions = Fns(wider) })));
        var result = Assert.Single(RuleCheck.Run<SP6002DroppingFunction>(new DropFunction(old), Context(Db() with { Functions = Fns(old) }, Db() with { Functions = Fns(retyped) })));

        Assert.Equal(Recipes.FunctionNewSignature, signature.Recipe);
        Assert.Contains("sep text", signature.Message, StringComparison.Ordinal);
        Assert.Equal(Recipes.FunctionNewSignature, result.Recipe);
    }

    [Fact]
    public void SP6002_replacing_a_function_body_is_safe()
    {
        var old = Fn("slugify", "text text");
        RuleCheck.Safe(new ReplaceFunction(old, old with { Definition = old.Definition + " " }), Context(Db() with { Functions = Fns(old) }));
    }

    [Fact]
    public void SP6003_triggers_take_brief_locks()
    {
        var trigger = new Trigger("users_audit", "CREATE TRIGGER users_audit AFTER UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.audit()", "O");

        var create = Assert.Single(RuleCheck.Run<SP6003ChangingTrigger>(new CreateTrigger(Users.Name, trigger), Context(Db(Users))));
        var drop = Assert.Single(RuleCheck.Run<SP6003ChangingTrigger>(new DropTrigger(Users.Name, trigger), Context(Db(Users))));

        Assert.Equal((Severity.Warning, Locks.ShareRowExclusive), (create.Severity, create.Lock));
        Assert.Equal((Severity.Warning, Locks.AccessExclusive), (drop.Severity, drop.Lock));
        RuleCheck.None<SP6003ChangingTrigger>(new CreateTrigger(Users.Name, trigger), Context(Db(), Db(Users), [new CreateTable(Users)]));
    }

    [Fact]
    public void SP6004_dropping_a_permissive_policy_hides_rows()
    {
        var secured = Users.With(Pol("own_rows")) with { RowLevelSecurity = true };
        var change = new DropPolicy(Users.Name, Pol("own_rows"));

        RuleCheck.Single<SP6004ChangingPolicy>(change, Context(Db(secured), Db(secured with { Policies = EquatableArray<Policy>.Empty })), HazardKind.BreaksRunningApp);
    }

    [Fact]
    public void SP6004_restrictive_policy_breaks_and_other_changes_warn()
    {
        var secured = Users.With(Pol("own_rows")) with { RowLevelSecurity = true };
        var restrictive = new CreatePolicy(Users.Name, Pol("tenant_only", permissive: false));
        var permissive = new CreatePolicy(Users.Name, Pol("admins"));
        var altered = new AlterPolicy(Users.Name, Pol("own_rows"), Pol("own_rows") with { Using = "false" });

        RuleCheck.Single<SP6004ChangingPolicy>(restrictive, Context(Db(secured)), HazardKind.BreaksRunningApp);
        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP6004ChangingPolicy>(permissive, Context(Db(secured)))).Severity);
        Assert.Equal(Severity.Warning, Assert.Single(RuleCheck.Run<SP6004ChangingPolicy>(altered, Context(Db(secured)))).Severity);
    }

    [Fact]
    public void SP6004_policies_do_nothing_without_row_level_security() =>
        RuleCheck.None<SP6004ChangingPolicy>(new DropPolicy(Users.Name, Pol("own_rows")), Context(Db(Users.With(Pol("own_rows"))), Db(Users)));

    private static View View(string name, params string[] columns) =>
        new(Name(name), ViewKind.View, "SELECT 1", columns.ToEquatableArray(), EquatableArray<Model.Index>.Empty, new[] { Name("users") }.ToEquatableArray(), EquatableArray<string>.Empty);

    private static EquatableArray<View> Views(params View[] views) => views.ToEquatableArray();

    private static Function Fn(string name, string arguments) =>
        new(Name(name), arguments, "function", "text", "sql", Volatility.Immutable, $"CREATE OR REPLACE FUNCTION public.{name}({arguments}) RETURNS text LANGUAGE sql AS $$ SELECT '' $$", EquatableArray<string>.Empty);

    private static EquatableArray<Function> Fns(params Function[] functions) => functions.ToEquatableArray();
}
