using SchemaPlanner.Sources.Scripts;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class SqlScriptTests
{
    private static string[] Texts(string sql) => SqlScript.Split("f.sql", sql).Select(s => s.Text).ToArray();

    [Fact]
    public void Splits_on_top_level_semicolons_and_skips_empty_statements()
    {
        Assert.Equal(["select 1", "select 2", "select 3"], Texts("select 1;;  select 2 ;\n;\nselect 3"));
    }

    [Fact]
    public void Statement_text_excludes_leading_comments_and_the_semicolon_but_keeps_inner_comments()
    {
        var statements = SqlScript.Split("f.sql", "-- header\n/* doc */ create table t /* inner */ (a int) -- tail\n;");

        var statement = Assert.Single(statements);
        Assert.Equal("create table t /* inner */ (a int)", statement.Text);
        Assert.Equal(new SourceLocation("f.sql", 2, 11), statement.Location);
        Assert.Equal(20, statement.Offset);
        Assert.Contains(statement.Tokens, t => t.Kind == SqlTokenKind.BlockComment);
        Assert.DoesNotContain(statement.Tokens, t => t.Kind == SqlTokenKind.Whitespace);
        Assert.DoesNotContain(statement.SignificantTokens, t => t.IsTrivia);
    }

    [Fact]
    public void Comment_only_input_has_no_statements()
    {
        Assert.Empty(SqlScript.Split("f.sql", "-- nothing;\n/* here; */\n  \n"));
    }

    [Theory]
    [InlineData("select 'a;b'; select 2", "select 'a;b'")]
    [InlineData("select 'it''s;'; select 2", "select 'it''s;'")]
    [InlineData(@"select E'\';x'; select 2", @"select E'\';x'")]
    [InlineData(@"select e'a\\'; select 2", @"select e'a\\'")]
    [InlineData("select $$a;b$$; select 2", "select $$a;b$$")]
    [InlineData("select $fn$ a; $$ ; $x$ b; $fn$; select 2", "select $fn$ a; $$ ; $x$ b; $fn$")]
    [InlineData("select \"a;\"\"b\"; select 2", "select \"a;\"\"b\"")]
    [InlineData("select U&\"d\\0061;\"; select 2", "select U&\"d\\0061;\"")]
    [InlineData("select U&'\\0061;'; select 2", "select U&'\\0061;'")]
    [InlineData("select 1 -- c;\n; select 2", "select 1")]
    [InlineData("select /* a; /* nested; */ still; */ 1; select 2", "select /* a; /* nested; */ still; */ 1")]
    [InlineData("select (1; 2); select 2", "select (1; 2)")]
    [InlineData("select a$b; select 2", "select a$b")]
    [InlineData("select X'1F', B'01', N'n;'; select 2", "select X'1F', B'01', N'n;'")]
    public void Semicolons_inside_strings_comments_and_quotes_do_not_split(string sql, string first)
    {
        var texts = Texts(sql);

        Assert.Equal([first, "select 2"], texts);
    }

    [Fact]
    public void Dollar_quoted_function_body_is_one_statement()
    {
        const string sql = """
            create function f() returns trigger language plpgsql as $body$
            begin
              if new.a is null then raise exception 'x;'; end if;
              return new;
            end;
            $body$;
            create trigger t before insert on t for each row execute function f();
            """;

        var statements = SqlScript.Split("f.sql", sql);

        Assert.Equal(2, statements.Count);
        Assert.EndsWith("$body$", statements[0].Text, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("f.sql", 7, 1), statements[1].Location);
    }

    [Fact]
    public void Begin_atomic_body_is_one_statement_even_with_case_end_inside()
    {
        const string sql = """
            CREATE OR REPLACE FUNCTION add(a integer, b integer) RETURNS integer
                LANGUAGE SQL
                BEGIN ATOMIC
                  SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                  SELECT 1;
                END;
            create procedure p() begin atomic insert into t values (1); end;
            select 'begin';
            BEGIN;
            select 3;
            END;
            """;

        var texts = Texts(sql);

        Assert.Equal(6, texts.Length);
        Assert.StartsWith("CREATE OR REPLACE FUNCTION add", texts[0], StringComparison.Ordinal);
        Assert.EndsWith("SELECT 1;\n    END", texts[0].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("create procedure p() begin atomic insert into t values (1); end", texts[1]);
        Assert.Equal(["select 'begin'", "BEGIN", "select 3", "END"], texts[2..6]);
    }

    [Theory]
    [InlineData("create function begin() returns int language sql return 1; select 2", "create function begin() returns int language sql return 1")]
    [InlineData("create function f(a int) returns int language sql return case when a > 0 then 1 else 0 end; select 2",
        "create function f(a int) returns int language sql return case when a > 0 then 1 else 0 end")]
    [InlineData("create function f() returns int language sql begin atomic select t.begin from t; select begin from t; select t.end from t; end; select 2",
        "create function f() returns int language sql begin atomic select t.begin from t; select begin from t; select t.end from t; end")]
    [InlineData("create procedure p() language sql begin /* c; */ atomic -- x;\n insert into t values (1); end; select 2",
        "create procedure p() language sql begin /* c; */ atomic -- x;\n insert into t values (1); end")]
    [InlineData("CREATE OR REPLACE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC SELECT CASE a WHEN 1 THEN CASE WHEN a > 0 THEN 1 END ELSE (CASE WHEN true THEN 2 END) END; SELECT 3; END; select 2",
        "CREATE OR REPLACE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC SELECT CASE a WHEN 1 THEN CASE WHEN a > 0 THEN 1 END ELSE (CASE WHEN true THEN 2 END) END; SELECT 3; END")]
    [InlineData("create function f() returns int language sql begin atomic select 'end;'; select $$ end; $$; select \"end\"; end; select 2",
        "create function f() returns int language sql begin atomic select 'end;'; select $$ end; $$; select \"end\"; end")]
    [InlineData("create table begin (atomic int); select 2", "create table begin (atomic int)")]
    public void Routine_bodies_end_where_postgresql_ends_them(string sql, string first)
    {
        Assert.Equal([first, "select 2"], Texts(sql));
    }

    [Theory]
    [InlineData("select $a$ x $b$ ; $b$ ; $A$ ; $a$; select 2", "select $a$ x $b$ ; $b$ ; $A$ ; $a$")]
    [InlineData("select E'\\\\'; select 2", "select E'\\\\'")]
    [InlineData("select E'a''\\';' ; select 2", "select E'a''\\';'")]
    [InlineData("select U&'d!0061t;' UESCAPE '!'; select 2", "select U&'d!0061t;' UESCAPE '!'")]
    [InlineData("select u&'\\' ; select 2", "select u&'\\'")]
    [InlineData("select 1 /* a /* b; */ -- c; */ + 2 -- d; /*\n; select 2", "select 1 /* a /* b; */ -- c; */ + 2")]
    [InlineData("select 1 --;\n--;\n+ 1; select 2", "select 1 --;\n--;\n+ 1")]
    public void Quotes_and_comments_as_pg_dump_writes_them(string sql, string first)
    {
        Assert.Equal([first, "select 2"], Texts(sql));
    }

    [Fact]
    public void Pg_dump_preamble_and_restrict_lines_split_into_sql_statements()
    {
        const string sql = """
            --
            -- PostgreSQL database dump
            --

            \restrict abcDEF123

            -- Dumped from database version 15.18
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET standard_conforming_strings = on;

            CREATE FUNCTION public.f(a integer) RETURNS integer
                LANGUAGE sql
                BEGIN ATOMIC
             SELECT CASE
                        WHEN (a > 0) THEN a
                        ELSE 0
                    END AS "case";
            END;

            \unrestrict abcDEF123

            """;

        var texts = Texts(sql);

        Assert.Equal(4, texts.Length);
        Assert.Equal("SELECT pg_catalog.set_config('search_path', '', false)", texts[1]);
        Assert.StartsWith("CREATE FUNCTION public.f", texts[3], StringComparison.Ordinal);
        Assert.EndsWith("END AS \"case\";\nEND", texts[3].ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_runs_to_the_end()
    {
        var texts = Texts("select 1; select 'abc; select 2");

        Assert.Equal(["select 1", "select 'abc; select 2"], texts);
        var tail = SqlLexer.Tokenize("select 'abc; select 2")[^1];
        Assert.Equal(SqlTokenKind.String, tail.Kind);
        Assert.True(tail.Unterminated);
    }

    [Fact]
    public void Psql_meta_commands_separate_statements_and_belong_to_none()
    {
        Assert.Equal(["select 1", "select 2"], Texts("\\restrict abc\nselect 1\n\\connect db\nselect 2;\n"));
    }

    [Fact]
    public void Lexer_classifies_tokens()
    {
        var tokens = SqlLexer.Tokenize("SELECT \"Ab\"\"c\", $1, 1.5e3, 0x1F, 1_000, .5, a::text, x<>-1, 1..2, E'\\n', $q$z$q$, é$1 -- c\n/* b */;")
            .Where(t => !t.IsTrivia || t.Kind != SqlTokenKind.Whitespace)
            .Select(t => (t.Kind, t.Text))
            .ToList();

        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.QuotedIdentifier, "\"Ab\"\"c\""), (SqlTokenKind.Punctuation, ","),
                (SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Number, "1.5e3"),
                (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Number, "0x1F"), (SqlTokenKind.Punctuation, ","),
                (SqlTokenKind.Number, "1_000"), (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Number, ".5"),
                (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "::"),
                (SqlTokenKind.Word, "text"), (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Word, "x"),
                (SqlTokenKind.Operator, "<>"), (SqlTokenKind.Operator, "-"), (SqlTokenKind.Number, "1"),
                (SqlTokenKind.Punctuation, ","), (SqlTokenKind.Number, "1"), (SqlTokenKind.Punctuation, ".."),
                (SqlTokenKind.Number, "2"), (SqlTokenKind.Punctuation, ","), (SqlTokenKind.String, "E'\\n'"),
                (SqlTokenKind.Punctuation, ","), (SqlTokenKind.DollarString, "$q$z$q$"), (SqlTokenKind.Punctuation, ","),
                (SqlTokenKind.Word, "é$1"), (SqlTokenKind.LineComment, "-- c"), (SqlTokenKind.BlockComment, "/* b */"),
                (SqlTokenKind.Semicolon, ";"),
            ],
            tokens);
    }

    [Fact]
    public void Tokens_cover_the_text_and_decode_values()
    {
        const string sql = "select \"Order \"\"X\"\"\", Users, E'a\\'b\\n', 'it''s', $t$x$t$, U&\"\\00e9t\\00e9\"";
        var tokens = SqlLexer.Tokenize(sql);

        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
        Assert.All(tokens, t => Assert.Equal(t.Text, sql.Substring(t.Offset, t.Length)));
        var values = tokens.Where(t => !t.IsTrivia && !t.IsSymbol(",")).Select(t => t.Identifier ?? t.StringValue ?? string.Empty).ToArray();
        Assert.Equal(["select", "Order \"X\"", "users", "a'b\n", "it's", "x", "été"], values);
    }

    [Fact]
    public void Operator_stops_at_a_comment_start()
    {
        var tokens = SqlLexer.Tokenize("a +-- comment\n b */* c */ d").Where(t => t.Kind != SqlTokenKind.Whitespace).Select(t => t.Text);

        Assert.Equal(["a", "+", "-- comment", "b", "*", "/* c */", "d"], tokens);
    }

    [Fact]
    public void Token_lines_and_columns_count_characters_and_handle_crlf()
    {
        const string sql = "select 'é😀',\r\n  x\r\n\r\n\ty;\rz";
        var significant = SqlLexer.Tokenize(sql).Where(t => !t.IsTrivia).ToList();

        Assert.Equal((1, 1), (significant[0].Line, significant[0].Column));
        Assert.Equal((1, 12), (significant[2].Line, significant[2].Column)); // the comma after a 4-character string
        Assert.Equal((2, 3), (significant[3].Line, significant[3].Column));
        Assert.Equal((4, 2), (significant[4].Line, significant[4].Column));
        Assert.Equal((5, 1), (significant[6].Line, significant[6].Column)); // a lone \r ends a line too
    }

    [Fact]
    public void Statement_locations_follow_crlf_lines_and_a_byte_order_mark()
    {
        const string sql = "\uFEFFcreate table a (x int);\r\n-- c\r\n  create table b (y int);";
        var statements = SqlScript.Split("s.sql", sql);

        Assert.Equal(new SourceLocation("s.sql", 1, 1), statements[0].Location);
        Assert.Equal(new SourceLocation("s.sql", 3, 3), statements[1].Location);
        Assert.Equal("s.sql(3,3)", statements[1].Location.ToString());
    }

    [Fact]
    public void Location_of_offset()
    {
        const string text = "ab\r\ncdé\nfg";

        Assert.Equal(new SourceLocation("f", 1, 1), SqlScript.LocationOf("f", text, 0));
        Assert.Equal(new SourceLocation("f", 1, 3), SqlScript.LocationOf("f", text, 2));
        Assert.Equal(new SourceLocation("f", 2, 1), SqlScript.LocationOf("f", text, 4));
        Assert.Equal(new SourceLocation("f", 2, 3), SqlScript.LocationOf("f", text, 6));
        Assert.Equal(new SourceLocation("f", 3, 2), SqlScript.LocationOf("f", text, 9));
        Assert.Equal(new SourceLocation("f", 3, 3), SqlScript.LocationOf("f", text, 999));
    }

    [Fact]
    public void Error_position_is_one_based_and_counts_code_points()
    {
        // PostgreSQL reports Position 1-based in characters; the emoji is two UTF-16 units but one character.
        const string text = "select '😀',\n  nope";
        var position = text.Replace("😀", "X", StringComparison.Ordinal).IndexOf("nope", StringComparison.Ordinal) + 1;

        Assert.Equal(text.IndexOf("nope", StringComparison.Ordinal), SqlScript.OffsetOfErrorPosition(text, position));
        Assert.Equal(new SourceLocation("f", 2, 3), SqlScript.LocationOfErrorPosition("f", text, position));
        Assert.Equal(new SourceLocation("f", 1, 1), SqlScript.LocationOfErrorPosition("f", text, 1));
    }

    [Fact]
    public void Error_position_within_a_statement_maps_to_the_file()
    {
        const string sql = "select 1;\r\n\r\n  create table t (\r\n    a intt\r\n  );";
        var statement = SqlScript.Split("f.sql", sql)[1];
        var position = statement.Text.IndexOf("intt", StringComparison.Ordinal) + 1;

        Assert.Equal(new SourceLocation("f.sql", 4, 7), statement.LocationOfErrorPosition(position));
        Assert.Equal(new SourceLocation("f.sql", 3, 3), statement.LocationAt(0));
    }
}
