using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>Range types end to end on PostgreSQL: created with their options, replaced while unused, dropped, and back.</summary>
public sealed class RangeTypeTests
{
    [Fact]
    public async Task Range_types_are_created_with_their_options_and_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            "create type old_range as range (subtype = int4);",
            """
            create function time_diff(a time, b time) returns float8 language sql immutable as $$ select extract(epoch from (a - b)) $$;
            create type timerange as range (subtype = time, subtype_diff = time_diff);
            create type textrange_c as range (subtype = text, collation = "C", multirange_type_name = text_c_ranges);
            create table shifts(id int primary key, during timerange);
            """);
        Assert.Contains(diff.Changes, c => c is CreateRangeType { Type.Name.Name: "timerange", Type.SubtypeDiff: "public.time_diff" });
        Assert.Contains(diff.Changes, c => c is CreateRangeType { Type.MultirangeName: "public.text_c_ranges" });
        Assert.Contains(diff.Changes, c => c is DropRangeType);
    }

    [Fact]
    public async Task A_changed_unused_range_type_is_replaced()
    {
        var diff = await ObjectKindRoundTrip.RunAsync("create type r as range (subtype = int4);", "create type r as range (subtype = int8);");
        Assert.IsType<ReplaceRangeType>(Assert.Single(diff.Changes));
    }
}
