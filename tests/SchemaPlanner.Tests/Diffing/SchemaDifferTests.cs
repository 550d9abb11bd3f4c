using SchemaPlanner.Changes;
using SchemaPlanner.Configuration;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using Xunit;
using static SchemaPlanner.Tests.Diffing.ModelBuilder;

namespace SchemaPlanner.Tests.Diffing;

public sealed class SchemaDifferTests
{
    private static readonly QualifiedName Articles = new("public", "articles");

    [Fact]
    public void Identical_models_have_no_changes()
    {
        var model = Schema([Table("articles", Column("id", "integer", notNull: true), Column("text"))]);
        Assert.Empty(SchemaDiffer.Diff(model, model).Changes);
    }

    [Fact]
    public void Column_changes_keep_old_and_new_state_and_say_what_changed()
    {
        var from = Schema([Table("articles", Column("id", "integer"), Column("title", "character varying(20)"))]);
        var to = Schema([Table("articles", Column("id", "integer"), Column("title", "character varying(40)", notNull: true, @default: "'x'::text"))]);

        var change = Assert.IsType<AlterColumn>(Assert.Single(SchemaDiffer.Diff(from, to).Changes));
        Assert.Equal(ColumnChange.Type | ColumnChange.Nullability | ColumnChange.Default, change.Changed);
        Assert.Equal("character varying(20)", change.Old.Type);
        Assert.Equal("character varying(40)", change.New.Type);
        Assert.Equal("public.articles.title", change.Object);
        Assert.Equal(Articles, change.Table);
    }

    [Fact]
    public void A_rename_is_never_guessed_but_suggested_with_the_hint_that_makes_it_one()
    {
        var from = Schema([Table("articles", Column("id", "integer"), Column("text"))]);
        var to = Schema([Table("articles", Column("id", "integer"), Column("body"))]);

        var diff = SchemaDiffer.Diff(from, to);
        Assert.Equal(["add_column", "drop_column"], diff.Changes.Select(c => c.Kind).Order());
        var suggestion = Assert.Single(diff.Suggestions);
        Assert.Equal("{ \"rename\": \"public.articles.text\", \"to\": \"body\" }", suggestion.Hint);

        var hinted = SchemaDiffer.Diff(from, to, [new RenameHint(Articles, "text", "body")]);
        var rename = Assert.IsType<RenameColumn>(Assert.Single(hinted.Changes));
        Assert.Equal(("text", "body"), (rename.Old.Name, rename.New.Name));
        Assert.Empty(hinted.Suggestions);
    }

    [Fact]
    public void A_table_rename_hint_matches_the_tables_and_diffs_their_contents()
    {
        var from = Schema([Table("posts", Column("id", "integer"), Column("title"))]);
        var to = Schema([Table("articles", Column("id", "integer"), Column("title"), Column("body"))]);

        var plain = SchemaDiffer.Diff(from, to);
        Assert.Equal(["create_table", "drop_table"], plain.Changes.Select(c => c.Kind).Order());

        var hinted = SchemaDiffer.Diff(from, to, [new RenameHint(new QualifiedName("public", "posts"), null, "articles")]);
        Assert.Equal(["rename_table", "add_column"], hinted.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void Tables_come_before_the_foreign_keys_that_reference_them()
    {
        var users = Table("users", Column("id", "integer"));
        var orders = Table("orders", Column("id", "integer"), Column("user_id", "integer")) with
        {
            Constraints = new[] { ForeignKey("orders_user_id_fkey", "user_id", "users") }.ToEquatableArray(),
        };
        var diff = SchemaDiffer.Diff(SchemaModel.Empty, Schema([orders, users]));
        var kinds = diff.Changes.Select(c => c.Kind + ":" + c.Object).ToList();
        var foreignKey = kinds.FindIndex(k => k.StartsWith("add_constraint", StringComparison.Ordinal));
        Assert.True(foreignKey > kinds.IndexOf("create_table:public.users"));
        Assert.True(foreignKey > kinds.IndexOf("create_table:public.orders"));
    }

    [Fact]
    public void Views_over_a_reshaped_table_are_dropped_before_and_recreated_after_the_column_change()
    {
        var from = Schema([Table("articles", Column("id", "integer"), Column("text"))], views: [View("v", "articles", "id", "text")]);
        var to = Schema([Table("articles", Column("id", "integer"), Column("text", "character varying(10)"))], views: [View("v", "articles", "id", "text")]);

        var kinds = SchemaDiffer.Diff(from, to).Changes.Select(c => c.Kind).ToList();
        Assert.Equal(["drop_view", "alter_column", "create_view"], kinds);
    }

    [Fact]
    public void Enum_values_added_in_the_middle_become_add_value_with_their_neighbour()
    {
        var name = new QualifiedName("public", "mood");
        var from = Schema(enums: [new EnumType(name, new[] { "sad", "happy" }.ToEquatableArray())]);
        var to = Schema(enums: [new EnumType(name, new[] { "sad", "ok", "happy", "ecstatic" }.ToEquatableArray())]);

        var adds = SchemaDiffer.Diff(from, to).Changes.Cast<AddEnumValue>().ToList();
        Assert.Equal([("ok", "happy", (string?)null), ("ecstatic", null, "happy")], adds.Select(a => (a.Value, a.Before, a.After)));
    }

    [Fact]
    public void Removing_or_reordering_enum_values_needs_a_new_type()
    {
        var name = new QualifiedName("public", "mood");
        var from = Schema(enums: [new EnumType(name, new[] { "sad", "ok", "happy" }.ToEquatableArray())]);
        var to = Schema(enums: [new EnumType(name, new[] { "happy", "sad" }.ToEquatableArray())]);
        Assert.IsType<ReplaceEnum>(Assert.Single(SchemaDiffer.Diff(from, to).Changes));
    }

    [Fact]
    public void The_same_input_gives_the_same_order()
    {
        var from = Schema([Table("b", Column("x")), Table("a", Column("y"))]);
        var to = Schema([Table("c", Column("z")), Table("a", Column("y", "integer"))]);
        var first = SchemaDiffer.Diff(from, to).Changes.Select(c => c.Describe()).ToList();
        var second = SchemaDiffer.Diff(from, to).Changes.Select(c => c.Describe()).ToList();
        Assert.Equal(first, second);
        Assert.Equal(["drop table public.b", "create table public.c", "alter column public.a.y: type text -> integer"], first);
    }

    [Fact]
    public void Unsupported_objects_are_reported_never_dropped()
    {
        var from = SchemaModel.Empty;
        var to = SchemaModel.Empty with { Unsupported = new[] { new UnsupportedObject("composite type", "public.pair") }.ToEquatableArray() };
        var change = Assert.IsType<UnsupportedChange>(Assert.Single(SchemaDiffer.Diff(from, to).Changes));
        Assert.Contains("create it by hand", change.Reason, StringComparison.Ordinal);
        Assert.Single(SchemaDiffer.Diff(to, to).Warnings);
    }
}
