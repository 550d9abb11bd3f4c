using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>Aggregates end to end on PostgreSQL: their definition built from pg_aggregate, created, replaced, dropped.</summary>
public sealed class AggregateTests
{
    private const string Support = """
        create function add_int(state bigint, v int) returns bigint language sql immutable as $$ select state + v $$;
        create function sub_int(state bigint, v int) returns bigint language sql immutable as $$ select state - v $$;
        create function add_state(a bigint, b bigint) returns bigint language sql immutable as $$ select a + b $$;
        create function half(state bigint) returns numeric language sql immutable as $$ select state / 2.0 $$;
        create function keep_last(state anyelement, v anyelement) returns anyelement language sql immutable as $$ select v $$;
        create function count_rows(state bigint) returns bigint language sql immutable as $$ select state + 1 $$;
        """;

    [Fact]
    public async Task Aggregates_with_their_options_are_created_and_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Support + "create aggregate old_sum(int) (sfunc = add_int, stype = bigint, initcond = '0');",
            Support + """
                create aggregate total(int) (sfunc = add_int, stype = bigint, initcond = '0', combinefunc = add_state, parallel = safe,
                  msfunc = add_int, minvfunc = sub_int, mstype = bigint, minitcond = '0');
                create aggregate half_total(int) (sfunc = add_int, stype = bigint, finalfunc = half, initcond = '0');
                create aggregate last_of(anyelement) (sfunc = keep_last, stype = anyelement);
                create aggregate rows_seen(*) (sfunc = count_rows, stype = bigint, initcond = '0');
                create aggregate biggest(int) (sfunc = int4larger, stype = int, sortop = >);
                create view totals as select total(x) from generate_series(1, 3) x;
                """);
        Assert.Equal(5, diff.Changes.OfType<CreateFunction>().Count(c => c.Function.IsAggregate));
        Assert.Contains(diff.Changes, c => c is DropFunction { Function.IsAggregate: true });
    }

    [Fact]
    public async Task A_changed_aggregate_is_replaced_in_place_under_the_view_that_uses_it()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Support + "create aggregate total(int) (sfunc = add_int, stype = bigint, initcond = '0'); create view v as select total(x) from generate_series(1, 3) x;",
            Support + "create aggregate total(int) (sfunc = add_int, stype = bigint, initcond = '10'); create view v as select total(x) from generate_series(1, 3) x;");
        Assert.IsType<ReplaceFunction>(Assert.Single(diff.Changes));
    }

    [Fact]
    public async Task Privileges_on_an_aggregate_are_granted_on_function()
    {
        await ObjectKindRoundTrip.RunAsync(
            Support + "create aggregate total(int) (sfunc = add_int, stype = bigint);",
            Support + "create aggregate total(int) (sfunc = add_int, stype = bigint); revoke execute on function total(int) from public;");
    }
}
