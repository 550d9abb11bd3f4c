using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>Triggers on views (INSTEAD OF row triggers, statement triggers) end to end on PostgreSQL.</summary>
public sealed class ViewTriggerTests
{
    private const string Base = """
        create table items(id int primary key, name text, price int);
        create function items_view_insert() returns trigger language plpgsql as $$
        begin insert into items values (new.id, new.name, 0); return new; end $$;
        create function note() returns trigger language plpgsql as $$ begin return null; end $$;
        """;

    [Fact]
    public async Task Instead_of_and_statement_triggers_on_a_view_are_created_and_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Base + "create view item_names as select id, name from items;",
            Base + """
                create view item_names as select id, name from items;
                create trigger item_names_insert instead of insert on item_names for each row execute function items_view_insert();
                create trigger item_names_note after update on item_names for each statement execute function note();
                """);
        Assert.Equal(2, diff.Changes.OfType<CreateTrigger>().Count(t => t.TableName.Name == "item_names"));
    }

    [Fact]
    public async Task A_view_re_created_for_a_column_change_gets_its_trigger_back()
    {
        const string trigger = "create trigger item_names_insert instead of insert on item_names for each row execute function items_view_insert();";
        var diff = await ObjectKindRoundTrip.RunAsync(
            Base + "create view item_names as select id, name, price from items;" + trigger,
            Base + "create view item_names as select id, name from items;" + trigger);
        Assert.Contains(diff.Changes, c => c is DropView);
        Assert.Contains(diff.Changes, c => c is CreateTrigger { Trigger.Name: "item_names_insert" });
    }

    [Fact]
    public async Task A_changed_view_trigger_is_dropped_and_created()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Base + "create view item_names as select id, name from items; create trigger t instead of insert on item_names for each row execute function items_view_insert();",
            Base + "create view item_names as select id, name from items; create trigger t instead of insert or update on item_names for each row execute function items_view_insert();");
        Assert.Single(diff.Changes.OfType<DropTrigger>());
        Assert.Single(diff.Changes.OfType<CreateTrigger>());
    }
}
