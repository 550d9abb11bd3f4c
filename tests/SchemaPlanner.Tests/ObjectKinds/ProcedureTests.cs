using SchemaPlanner.Changes;
using Xunit;

namespace SchemaPlanner.Tests.ObjectKinds;

/// <summary>Procedures, with plain and SQL-standard (<c>BEGIN ATOMIC</c>) bodies, end to end on PostgreSQL.</summary>
public sealed class ProcedureTests
{
    private const string Table = "create table events(id int, note text);";

    /// <summary>
    /// Npgsql splits a command text at semicolons it sees outside quotes, BEGIN ATOMIC bodies included, so the test
    /// schema creates such a routine through EXECUTE (the tool's own script lexer is tested elsewhere).
    /// </summary>
    private static string Atomic(string sql) => "do $do$ begin execute $sql$" + sql + "$sql$; end $do$;";

    [Fact]
    public async Task Procedures_are_created_replaced_and_dropped()
    {
        var diff = await ObjectKindRoundTrip.RunAsync(
            Table + """
                create procedure record_event(i int) language sql as $$ insert into events values (i, 'old') $$;
                create procedure gone() language plpgsql as $$ begin perform 1; end $$;
                """,
            Table + """
                create procedure record_event(i int) language sql as $$ insert into events values (i, 'new') $$;
                """ + Atomic("create procedure record_atomic(i int, n text) language sql begin atomic insert into events values (i, n); insert into events values (i + 1, n); end"));
        Assert.Contains(diff.Changes, c => c is ReplaceFunction { New.Kind: "procedure" });
        Assert.Contains(diff.Changes, c => c is CreateFunction { Function.Name.Name: "record_atomic" });
        Assert.Contains(diff.Changes, c => c is DropFunction { Function.Name.Name: "gone" });
    }

    [Fact]
    public async Task A_begin_atomic_procedure_is_replaced_and_restored()
    {
        await ObjectKindRoundTrip.RunAsync(
            Table + Atomic("create procedure p(i int) language sql begin atomic insert into events values (i, 'a'); end"),
            Table + Atomic("create procedure p(i int) language sql begin atomic insert into events values (i, 'b'); delete from events where id < 0; end"));
    }
}
