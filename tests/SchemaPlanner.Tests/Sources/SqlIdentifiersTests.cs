using SchemaPlanner.Sources.Scripts;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

/// <summary>Identifier rewriting works on tokens: literals, comments, longer names, calls and casts are left alone.</summary>
public sealed class SqlIdentifiersTests
{
    [Theory]
    [InlineData("(note <> 'id'::text) AND id > 0", "id", "id_sp_new", "(note <> 'id'::text) AND id_sp_new > 0")]
    [InlineData("CHECK ((id > 0)) -- id", "id", "key", "CHECK ((key > 0)) -- id")]
    [InlineData("USING btree (id, id_old, \"id\")", "id", "x", "USING btree (x, id_old, x)")]
    [InlineData("lower(email) = email", "lower", "x", "lower(email) = email")]
    [InlineData("(a)::text || text", "text", "body", "(a)::text || body")]
    [InlineData("\"User\" = user_id AND \"user\" = 1", "User", "Person", "\"Person\" = user_id AND \"user\" = 1")]
    [InlineData("\"order\" > 0", "order", "position", "\"position\" > 0")]
    [InlineData("$$ id $$ || Id", "id", "k", "$$ id $$ || k")]
    public void Renames_only_the_identifier(string sql, string identifier, string replacement, string expected) =>
        Assert.Equal(expected, SqlIdentifiers.Rename(sql, identifier, replacement));

    [Theory]
    [InlineData("'happy'::mood", "'happy'::public.mood_new")]
    [InlineData("'happy'::public.mood", "'happy'::public.mood_new")]
    [InlineData("ARRAY['sad'::mood]::mood[]", "ARRAY['sad'::public.mood_new]::public.mood_new[]")]
    [InlineData("(note <> 'x::mood'::text) -- ::mood", "(note <> 'x::mood'::text) -- ::mood")]
    [InlineData("'a'::moods AND 'b'::other.mood", "'a'::moods AND 'b'::other.mood")]
    public void Retypes_casts_only(string sql, string expected) =>
        Assert.Equal(expected, SqlIdentifiers.RetypeCasts(sql, new SchemaPlanner.Model.QualifiedName("public", "mood"), new SchemaPlanner.Model.QualifiedName("public", "mood_new")));

    [Theory]
    [InlineData("(note <> 'id'::text)", "id", false)]
    [InlineData("(id + 1)", "id", true)]
    [InlineData("ORDER BY \"order\"", "order", true)]
    [InlineData("id_old", "id", false)]
    public void Mentions_means_a_name_token(string sql, string identifier, bool expected) =>
        Assert.Equal(expected, SqlIdentifiers.Mentions(sql, identifier));

    [Theory]
    [InlineData("RETURN public.add_one(x) + 1", "add_one", true)]
    [InlineData("RETURN \"Add One\" (x)", "Add One", true)]
    [InlineData("SELECT 'add_one(1)'", "add_one", false)]
    [InlineData("RETURN add_one + 1", "add_one", false)]
    public void Calls_means_a_name_token_followed_by_a_parenthesis(string sql, string function, bool expected) =>
        Assert.Equal(expected, SqlIdentifiers.Calls(sql, function));
}
