using SchemaPlanner.Sources.Scripts;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class ArrayCastTextTests
{
    [Theory]
    // What PostgreSQL stores when its own deparsed IN list is run again, and the form it first shows.
    [InlineData(
        "CHECK (((status)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))",
        "CHECK (((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))")]
    [InlineData(
        "CREATE INDEX i ON public.t USING btree (id) WHERE ((status)::text <> ALL (ARRAY[('x'::character varying)::text]))",
        "CREATE INDEX i ON public.t USING btree (id) WHERE ((status)::text <> ALL ((ARRAY['x'::character varying])::text[]))")]
    [InlineData("(x = ANY (ARRAY[(1)::numeric(10,2), (2)::numeric(10,2)]))", "(x = ANY ((ARRAY[1, 2])::numeric(10,2)[]))")]
    [InlineData("(x = ANY (ARRAY[(a)::public.\"My Type\"]))", "(x = ANY ((ARRAY[a])::public.\"My Type\"[]))")]
    public void Element_casts_become_one_array_cast(string stored, string canonical)
    {
        Assert.Equal(canonical, ArrayCastText.Canonical(stored));
        Assert.Equal(canonical, ArrayCastText.Canonical(canonical));
    }

    [Theory]
    [InlineData("CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))")]
    [InlineData("(x = ANY (ARRAY[('a'::character varying)::text, ('b')::bpchar]))")] // different element types
    [InlineData("(x = ANY (ARRAY[('a'::character varying)::text || 'b'::text]))")] // not a bare cast
    [InlineData("(x = ANY (ARRAY[(a)::text[], (b)::text[]]))")] // arrays of arrays stay as they are
    [InlineData("(x = 'ARRAY[(a)::text]'::text)")]
    [InlineData("")]
    public void Other_text_is_left_alone(string text) => Assert.Equal(text, ArrayCastText.Canonical(text));
}
