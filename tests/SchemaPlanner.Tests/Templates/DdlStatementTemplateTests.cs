using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Tests.Infrastructure;
using Xunit;
using Samples = SchemaPlanner.Tests.Planning.DdlWriterConformanceTests.Samples;

namespace SchemaPlanner.Tests.Templates;

/// <summary>
/// The statement templates of the plain DDL write what the generators wrote before them, for the shapes no migra
/// fixture reaches (an unlogged child with no columns of its own, NO INHERIT, NO FORCE, a procedure, a sequence
/// losing its owner, a partition with no constraints of its own); and the statements run.
/// </summary>
public sealed class DdlStatementTemplateTests
{
    private static readonly QualifiedName Parent = new("public", "p");
    private static readonly QualifiedName Child = new("public", "k");

    [Fact]
    public async Task Shapes_the_fixtures_do_not_reach_are_written_as_before_and_run()
    {
        var column = Samples.Column("c", "integer");
        var parent = Samples.Table(Parent) with { Columns = new[] { column }.ToEquatableArray() };
        var child = Samples.Table(Child) with { Unlogged = true, Inherits = new[] { Parent }.ToEquatableArray(), Columns = new[] { column }.ToEquatableArray() };
        var secured = parent with { RowLevelSecurity = true, ForceRowLevelSecurity = true };
        var list = Samples.Table(new QualifiedName("public", "l")) with { PartitionKey = "LIST (c)", Columns = new[] { column }.ToEquatableArray() };
        var part = Samples.Table(new QualifiedName("public", "l1")) with { PartitionOf = list.Name, PartitionBound = "FOR VALUES IN (1)", Columns = new[] { column }.ToEquatableArray() };
        var to = SchemaModel.Empty with { Tables = new[] { parent, child, list, part }.ToEquatableArray() };
        var procedure = new Function(new QualifiedName("public", "pr"), "", "procedure", "", "sql", Volatility.Volatile, "", EquatableArray<string>.Empty);
        var sequence = new Sequence(new QualifiedName("public", "s"), "bigint", 1, 1, 1, long.MaxValue, 1, false, Parent, "c", EquatableArray<string>.Empty);

        var expected = new (Change Change, string[] Statements)[]
        {
            (new CreateTable(child), ["CREATE UNLOGGED TABLE public.k () INHERITS (public.p)"]),
            (new AlterTable(child, child with { Inherits = EquatableArray<QualifiedName>.Empty }, TableChange.Inheritance), ["ALTER TABLE public.k NO INHERIT public.p"]),
            (new CreateTable(part), ["CREATE TABLE public.l1 PARTITION OF public.l FOR VALUES IN (1)"]),
            (new AlterTable(parent, secured, TableChange.RowLevelSecurity), ["ALTER TABLE public.p ENABLE ROW LEVEL SECURITY", "ALTER TABLE public.p FORCE ROW LEVEL SECURITY"]),
            (new AlterTable(secured, parent, TableChange.RowLevelSecurity), ["ALTER TABLE public.p DISABLE ROW LEVEL SECURITY", "ALTER TABLE public.p NO FORCE ROW LEVEL SECURITY"]),
            (new AlterSequence(sequence, sequence with { OwnedByTable = null, OwnedByColumn = null }), ["ALTER SEQUENCE public.s OWNED BY NONE"]),
            (new DropFunction(procedure), ["DROP PROCEDURE public.pr()"]),
        };

        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync(
            "CREATE TABLE p (c integer); CREATE TABLE l (c integer) PARTITION BY LIST (c);"
            + " CREATE SEQUENCE s OWNED BY p.c; CREATE PROCEDURE pr() LANGUAGE sql AS $$ SELECT 1 $$;");
        foreach (var (change, statements) in expected)
        {
            var written = BuiltInSql.Ddl.Statements(change, to, to);
            Assert.Equal(statements, written);
            foreach (var statement in written)
            {
                await database.ExecuteAsync(statement);
            }
        }

        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'k'::regclass"));
        Assert.Equal("u", await database.QueryScalarAsync<string>("SELECT relpersistence::text FROM pg_class WHERE oid = 'k'::regclass"));
        Assert.False(await database.QueryScalarAsync<bool>("SELECT relrowsecurity OR relforcerowsecurity FROM pg_class WHERE oid = 'p'::regclass"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_depend WHERE objid = 's'::regclass AND deptype = 'a'"));
        Assert.Equal(0L, await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_proc WHERE proname = 'pr'"));
        Assert.Equal("FOR VALUES IN (1)", await database.QueryScalarAsync<string>("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'l1'::regclass"));
    }
}
