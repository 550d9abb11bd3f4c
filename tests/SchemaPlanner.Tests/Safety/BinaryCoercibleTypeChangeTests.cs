using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using SchemaPlanner.Safety.Rules;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

/// <summary>
/// Checks <see cref="TypeChanges"/> against the server: a change the rules call binary-coercible must keep
/// the table's (and its index's) relfilenode, and one they call rewriting must get a new one and be flagged.
/// Types are written as in DDL; the test reads them back with format_type, as the schema reader does.
/// </summary>
public sealed class BinaryCoercibleTypeChangeTests
{
    public static TheoryData<string, string> BinaryCoercible() => new()
    {
        { "varchar(20)", "varchar(30)" },
        { "varchar(20)", "varchar" },
        { "varchar(20)", "text" },
        { "varchar", "text" },
        { "text", "varchar" },
        { "numeric(10,2)", "numeric(12,2)" },
        { "numeric(10,2)", "numeric" },
        { "timestamp(0)", "timestamp(3)" },
        { "timestamp(3)", "timestamp" },
        { "timestamptz(3)", "timestamptz(6)" },
        { "timestamptz(0)", "timestamptz" },
        { "time(3)", "time(5)" },
        { "timetz(2)", "timetz" },
        { "interval(3)", "interval(5)" },
        { "interval(3)", "interval" },
        { "interval day to second(2)", "interval day to second(4)" },
        { "interval year to month", "interval" },
        { "cidr", "inet" },
        { "varbit(5)", "varbit(10)" },
        { "varbit(5)", "varbit" },
    };

    public static TheoryData<string, string, string> Rewriting() => new()
    {
        { "integer", "bigint", "" },
        { "smallint", "integer", "" },
        { "varchar(20)", "varchar(10)", "" },
        { "text", "varchar(10)", "" },
        { "text", "jsonb", "USING c::jsonb" },
        { "json", "jsonb", "" },
        { "numeric(10,2)", "numeric(10,3)", "" },
        { "numeric(10,2)", "numeric(8,2)", "" },
        { "numeric", "numeric(10,2)", "" },
        { "timestamp", "timestamp(3)", "" },
        { "char(5)", "char(10)", "" },
        { "char(5)", "text", "" },
        { "varchar(20)[]", "varchar(30)[]", "" },
        { "inet", "cidr", "" },
        { "integer", "text", "" },
    };

    [Theory]
    [MemberData(nameof(BinaryCoercible))]
    public async Task Binary_coercible_changes_keep_the_table_and_its_index(string from, string to)
    {
        var outcome = await AlterAsync(from, to, usingClause: "", timeZone: "UTC", indexed: true);

        Assert.True(TypeChanges.IsBinaryCoercible(outcome.OldType, outcome.NewType), $"{outcome.OldType} -> {outcome.NewType}");
        Assert.False(outcome.TableRewritten, $"{outcome.OldType} -> {outcome.NewType} rewrote the table");
        Assert.False(outcome.IndexRebuilt, $"{outcome.OldType} -> {outcome.NewType} rebuilt the index");
        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(outcome.Change, outcome.Context);
        RuleCheck.Safe(outcome.Change, outcome.Context);
    }

    [Theory]
    [MemberData(nameof(Rewriting))]
    public async Task Rewriting_changes_get_a_new_relfilenode_and_are_flagged(string from, string to, string @using)
    {
        var outcome = await AlterAsync(from, to, @using, timeZone: "UTC", indexed: from != "json");

        Assert.False(TypeChanges.IsBinaryCoercible(outcome.OldType, outcome.NewType), $"{outcome.OldType} -> {outcome.NewType}");
        Assert.True(outcome.TableRewritten, $"{outcome.OldType} -> {outcome.NewType} did not rewrite the table");
        var hazard = RuleCheck.Single<SP2005ChangingColumnTypeWithRewrite>(outcome.Change, outcome.Context, HazardKind.Rewrite);
        Assert.Equal(Severity.Error, hazard.Severity);
    }

    [Theory]
    [InlineData("timestamp", "timestamptz")]
    [InlineData("timestamptz", "timestamp")]
    [InlineData("timestamp(3)", "timestamptz")]
    public async Task Timestamp_time_zone_changes_skip_the_rewrite_only_in_utc_and_always_rebuild_indexes(string from, string to)
    {
        var utc = await AlterAsync(from, to, usingClause: "", timeZone: "UTC", indexed: true);
        var berlin = await AlterAsync(from, to, usingClause: "", timeZone: "Europe/Berlin", indexed: true);

        Assert.True(TypeChanges.IsTimeZoneReinterpretation(utc.OldType, utc.NewType));
        Assert.False(utc.TableRewritten);
        Assert.True(utc.IndexRebuilt);
        Assert.True(berlin.TableRewritten);

        var hazards = RuleCheck.Run<SP2007ChangingTimestampTimeZone>(utc.Change, utc.Context);
        Assert.Equal(Severity.Warning, hazards.Single(h => h.Kind == HazardKind.Rewrite).Severity);
        Assert.Equal(Severity.Error, hazards.Single(h => h.Kind == HazardKind.IndexBuild).Severity);
        RuleCheck.None<SP2005ChangingColumnTypeWithRewrite>(utc.Change, utc.Context);
    }

    private static async Task<Outcome> AlterAsync(string from, string to, string usingClause, string timeZone, bool indexed)
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(
            $"CREATE TABLE t (id integer PRIMARY KEY, c {from});\n"
            + "INSERT INTO t (id) SELECT g FROM generate_series(1, 100) g;\n"
            + (indexed ? "CREATE INDEX t_c ON t (c);\n" : ""));

        var oldType = await TypeAsync(database);
        var tableBefore = await database.QueryScalarAsync<long>("SELECT pg_relation_filenode('t')::bigint");
        var indexBefore = indexed ? await database.QueryScalarAsync<long>("SELECT pg_relation_filenode('t_c')::bigint") : 0;

        await database.ExecuteAsync($"SET TimeZone = '{timeZone}'; ALTER TABLE t ALTER COLUMN c TYPE {to} {usingClause}");

        var newType = await TypeAsync(database);
        var tableAfter = await database.QueryScalarAsync<long>("SELECT pg_relation_filenode('t')::bigint");
        var indexAfter = indexed ? await database.QueryScalarAsync<long>("SELECT pg_relation_filenode('t_c')::bigint") : 0;

        var old = Col("c", oldType);
        var table = Tbl("t", Col("id", notNull: true), old).With(PrimaryKey("t_pkey", "id"));
        if (indexed)
        {
            table = table.With(Idx("t_c", "t", "c"));
        }

        var change = new AlterColumn(table.Name, old, Col("c", newType), ColumnChange.Type);
        return new Outcome(oldType, newType, tableBefore != tableAfter, indexBefore != indexAfter, change, Context(Db(table)));
    }

    private static async Task<string> TypeAsync(TestDatabase database) =>
        (await database.QueryScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'c'"))!;

    private sealed record Outcome(string OldType, string NewType, bool TableRewritten, bool IndexRebuilt, AlterColumn Change, ClassificationContext Context);
}
