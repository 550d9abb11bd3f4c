using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>Composite types end to end on PostgreSQL: created, altered in place, replaced, dropped, and back.</summary>
public sealed class CompositeTypeTests
{
    [Fact]
    public async Task Composite_types_are_created_in_dependency_order_and_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            "create type old_pair as (a int, b text);",
            """
            create type inner_t as (n numeric(10,2), label text collate "C");
            create type outer_t as (i inner_t, tags text[], at timestamptz);
            create table uses(id int primary key, o outer_t);
            create function make_inner(x numeric) returns inner_t language sql as $$ select row(x, 'x')::inner_t $$;
            """);
        Assert.Contains(diff.Changes, c => c is CreateCompositeType { Type.Name.Name: "outer_t" });
        Assert.Contains(diff.Changes, c => c is DropCompositeType { Type.Name.Name: "old_pair" });
    }

    [Fact]
    public async Task Attributes_are_added_dropped_and_retyped_with_alter_type()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            "create type address as (street text, street2 text, zip int); create function f(a address) returns text language sql as $$ select a.street $$;",
            "create type address as (street text, zip bigint, city text collate \"C\"); create function f(a address) returns text language sql as $$ select a.street $$;",
            reversible: false);
        var alter = Assert.Single(diff.Changes.OfType<AlterCompositeType>());
        Assert.Equal(["street2"], alter.Dropped.Select(a => a.Name));
        Assert.Equal(["zip"], alter.Retyped.Select(a => a.Name));
        Assert.Equal(["city"], alter.Added.Select(a => a.Name));
    }

    [Fact]
    public async Task An_appended_and_retyped_attribute_is_undone_in_place()
    {
        await ObjectKindRoundTrip.RunAsync(
            "create type money_t as (amount int, currency text); create function g(m money_t) returns int language sql as $$ select m.amount $$;",
            "create type money_t as (amount numeric, currency text, note text); create function g(m money_t) returns int language sql as $$ select m.amount::int $$;");
    }

    [Fact]
    public async Task Attributes_stored_in_a_table_are_added_and_dropped_in_place()
    {
        await ObjectKindRoundTrip.RunAsync(
            "create type address as (street text, zip int); create table people(id int primary key, home address); insert into people values (1, row('Main', 1));",
            "create type address as (street text, zip int, city text); create table people(id int primary key, home address);");
    }

    [Fact]
    public async Task Reordered_attributes_of_an_unused_type_replace_it()
    {
        var diff = await ObjectKindRoundTrip.RunAsync("create type p as (a int, b text);", "create type p as (b text, a int);");
        Assert.IsType<ReplaceCompositeType>(Assert.Single(diff.Changes));
    }

    [Fact]
    public async Task What_PostgreSQL_cannot_alter_on_a_type_in_use_is_reported_not_dropped()
    {
        var server = await Infrastructure.PostgresServer.GetAsync();
        await using var a = await server.CreateDatabaseAsync("create type p as (a int, b text); create table t(x p);");
        await using var b = await server.CreateDatabaseAsync("create type p as (b text, a bigint); create table t(x p);");
        var diff = SchemaPlanner.Diffing.SchemaDiffer.Diff(await ObjectKindRoundTrip.ReadAsync(a), await ObjectKindRoundTrip.ReadAsync(b));
        var unsupported = Assert.IsType<UnsupportedChange>(Assert.Single(diff.Changes));
        Assert.Equal("composite type", unsupported.ObjectKind);
        Assert.Contains("column public.t.x uses it", unsupported.Reason, StringComparison.Ordinal);
    }
}
