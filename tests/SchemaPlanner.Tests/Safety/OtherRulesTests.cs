using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

public sealed class OtherRulesTests
{
    [Fact]
    public void SP9001_unsupported_changes_are_manual()
    {
        var change = new UnsupportedChange("foreign table", "public.remote_users", "exists only in the desired schema; create it by hand");

        var hazard = Assert.Single(RuleCheck.Run<SP9001UnsupportedChange>(change, Context(Db())));

        Assert.Equal((HazardKind.NoOnlinePath, Severity.Error, Recipes.Manual), (hazard.Kind, hazard.Severity, hazard.Recipe));
    }

    [Fact]
    public void SP9002_extension_update_is_a_warning()
    {
        var old = new Extension("hstore", "public", "1.7");
        var hazard = Assert.Single(RuleCheck.Run<SP9002UpdatingExtension>(new AlterExtension(old, old with { Version = "1.8" }), Context(Db())));
        Assert.Equal(Severity.Warning, hazard.Severity);
        Assert.Contains("1.7 to 1.8", hazard.Message, StringComparison.Ordinal);

        var moved = Assert.Single(RuleCheck.Run<SP9002UpdatingExtension>(new AlterExtension(old, old with { Schema = "ext" }), Context(Db())));
        Assert.Contains("schema ext", moved.Message, StringComparison.Ordinal);
        RuleCheck.None<SP9002UpdatingExtension>(new CreateExtension(old), Context(Db()));
    }

    [Fact]
    public void SP9003_dropping_an_extension_breaks_callers() =>
        RuleCheck.Single<SP9003DroppingExtension>(new DropExtension(new Extension("hstore", "public", "1.8")), Context(Db()), HazardKind.BreaksRunningApp);

    [Fact]
    public void SP9004_dropping_a_schema_loses_data()
    {
        var change = new DropSchema(new Schema("archive", EquatableArray<string>.Empty));
        var before = Db(Tbl("users", Col("id")) with { Name = new QualifiedName("archive", "users") });

        var hazard = RuleCheck.Single<SP9004DroppingSchema>(change, Context(before, Db()), HazardKind.DataLoss);

        Assert.Contains("1 table", hazard.Message, StringComparison.Ordinal);
        RuleCheck.None<SP9004DroppingSchema>(new CreateSchema(new Schema("archive", EquatableArray<string>.Empty)), Context(Db()));
    }

    [Fact]
    public void SP9005_dropping_a_sequence_loses_its_value_and_breaks_callers()
    {
        var sequence = new Sequence(Name("invoice_no"), "bigint", 1, 1, 1, long.MaxValue, 1, false, null, null, EquatableArray<string>.Empty);

        var hazards = RuleCheck.Run<SP9005DroppingSequence>(new DropSequence(sequence), Context(Db() with { Sequences = new[] { sequence }.ToEquatableArray() }, Db()));

        Assert.Equal([HazardKind.DataLoss, HazardKind.BreaksRunningApp], hazards.Select(h => h.Kind));
    }

    [Fact]
    public void SP9005_leaves_serial_sequences_of_dropped_columns_to_the_column_rule()
    {
        var table = Tbl("users", Col("id"));
        var sequence = new Sequence(Name("users_id_seq"), "integer", 1, 1, 1, int.MaxValue, 1, false, table.Name, "id", EquatableArray<string>.Empty);

        RuleCheck.None<SP9005DroppingSequence>(new DropSequence(sequence), Context(Db(table), Db()));
        RuleCheck.None<SP9005DroppingSequence>(new DropSequence(sequence), Context(Db(table), Db(Tbl("users", Col("uuid", "uuid")))));
    }

    [Fact]
    public void SP9006_revoking_breaks_the_running_app_but_granting_is_safe()
    {
        var none = EquatableArray<string>.Empty;
        var select = new[] { "app:SELECT" }.ToEquatableArray();

        var hazard = RuleCheck.Single<SP9006RevokingPrivileges>(new ChangePrivileges("TABLE", "public.users", select, none), Context(Db()), HazardKind.BreaksRunningApp);
        Assert.Contains("app:SELECT", hazard.Message, StringComparison.Ordinal);
        RuleCheck.Safe(new ChangePrivileges("TABLE", "public.users", none, select), Context(Db()));
    }
}
