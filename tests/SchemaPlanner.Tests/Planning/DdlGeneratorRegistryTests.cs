using SchemaPlanner.Tests.Infrastructure;
using SchemaPlanner.Changes;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Ddl.Generators;
using SchemaPlanner.Planning.Statements;
using Xunit;

namespace SchemaPlanner.Tests.Planning;

/// <summary>
/// Every change type has exactly one DDL generator (found by the registry), and each generator names a reverse
/// for its change: an inverse change or the reason there is none.
/// </summary>
public sealed class DdlGeneratorRegistryTests
{
    [Fact]
    public void EveryConcreteChangeTypeHasExactlyOneGenerator()
    {
        var changeTypes = typeof(Change).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Change)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        // Discovery refuses a change type claimed by two generators; here it must cover every type, nothing else.
        var handled = DdlGenerators.All.Keys.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(changeTypes, handled);

        var generators = typeof(DdlGenerator).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DdlGenerator)) && !t.IsAbstract)
            .ToList();
        var claims = generators
            .SelectMany(g => ((DdlGenerator)Activator.CreateInstance(g, nonPublic: true)!).Handlers.Select(h => (Generator: g.Name, Change: h.ChangeType.Name)))
            .ToList();
        Assert.All(changeTypes, type => Assert.Single(claims, c => c.Change == type));
        Assert.All(generators, g => Assert.Equal("SchemaPlanner.Planning.Ddl.Generators", g.Namespace));
    }

    [Fact]
    public void TwoGeneratorsClaimingOneChangeTypeAreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DdlGenerators.Register([typeof(IndexDdl), typeof(SecondIndexDdl)]));
        Assert.Contains("AddIndex", error.Message, StringComparison.Ordinal);
        Assert.Contains("IndexDdl", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecondIndexDdl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChangeHasAnInverseOrAReason()
    {
        var (from, to) = (DdlWriterConformanceTests.Samples.From, DdlWriterConformanceTests.Samples.To);
        foreach (var change in DdlWriterConformanceTests.Samples.All())
        {
            var reverse = DdlWriter.Reverse(change);
            Assert.True(reverse.Inverse is null != (reverse.Irreversible is null), change.Kind + ": exactly one of inverse and reason");
            if (reverse.Inverse is { } inverse)
            {
                // Undoing the undo is the change again, unless the undo loses data (a created sequence's drop).
                if (DdlWriter.Reverse(inverse).Inverse is { } again)
                {
                    Assert.Equal(change.Kind, again.Kind);
                }

                var (down, irreversible) = BuiltInSql.Ddl.Down(change, from, to);
                Assert.Null(irreversible);
                Assert.Equal(BuiltInSql.Ddl.Statements(inverse, to, from), down);
            }
            else
            {
                var (down, irreversible) = BuiltInSql.Ddl.Down(change, from, to);
                Assert.Null(down);
                Assert.Equal(reverse.Irreversible, irreversible);
            }
        }
    }

    /// <summary>
    /// Ordering and locating dispatch through the same registration as the DDL: every sample change (one per change
    /// type) has a rank and a location there, and the ranks keep the order the planner relies on.
    /// </summary>
    [Fact]
    public void EveryChangeTypeIsRankedAndLocatedByItsRegistration()
    {
        var samples = DdlWriterConformanceTests.Samples.All();
        Assert.Equal(
            DdlGenerators.All.Keys.Select(t => t.Name).Order(StringComparer.Ordinal),
            samples.Select(c => c.GetType().Name).Distinct().Order(StringComparer.Ordinal));

        // One CREATE TABLE statement at line 3 of schema.sql: what belongs to public.t is found there, the rest
        // falls back to the file's first line, and no change type is left without an answer.
        var statements = SchemaPlanner.Sources.Scripts.SqlScript.Split("schema.sql", "-- desired\n\nCREATE TABLE public.t (c integer);\n");
        var locator = new SchemaPlanner.Analysis.ChangeLocator(SchemaPlanner.Sources.Scripts.DdlLocations.StatementLevel(statements, "statement level"));
        foreach (var change in samples)
        {
            var rank = SchemaPlanner.Diffing.ChangeOrder.Rank(change);
            Assert.InRange(rank, 1, 999);
            var location = locator.Locate(change);
            Assert.NotNull(location);
            Assert.Equal("schema.sql", location.File);
        }

        Assert.Equal(3, locator.Locate(samples.OfType<AddColumn>().First())!.Line);
        Assert.Equal(3, locator.Locate(samples.OfType<DropTrigger>().First())!.Line);
        Assert.Equal(1, locator.Locate(samples.OfType<DropTable>().First())!.Line);

        int Rank<TChange>()
            where TChange : Change => SchemaPlanner.Diffing.ChangeOrder.Rank(samples.OfType<TChange>().First());

        // Dependents are dropped before what they depend on, containers are created before their contents, and
        // types go only once no column uses them.
        Assert.True(Rank<DropTrigger>() < Rank<DropView>() && Rank<DropView>() < Rank<DropColumn>() && Rank<DropColumn>() < Rank<DropTable>());
        Assert.True(Rank<CreateSchema>() < Rank<CreateEnum>() && Rank<CreateEnum>() < Rank<CreateTable>() && Rank<CreateTable>() < Rank<AddColumn>());
        Assert.True(Rank<AlterColumn>() < Rank<DropEnum>() && Rank<DropEnum>() < Rank<DropSchema>());
        Assert.True(Rank<AddIndex>() < Rank<CreateView>() && Rank<CreateView>() < Rank<CreateTrigger>() && Rank<CreateTrigger>() < Rank<UnsupportedChange>());
    }

    /// <summary>
    /// The dependency depth that breaks ties within a rank is declared by each change type's registration too: over
    /// a table t, a view v1 reading t and a view v2 reading v1, creates sort parents first and drops dependents first.
    /// </summary>
    [Fact]
    public void DependencyDepthIsDeclaredByTheRegistrationAndOrdersParentsFirst()
    {
        var t = SchemaPlanner.Tests.Diffing.ModelBuilder.Table("t", SchemaPlanner.Tests.Diffing.ModelBuilder.Column("id", "integer"));
        var v1 = SchemaPlanner.Tests.Diffing.ModelBuilder.View("v1", "t", "id");
        var v2 = SchemaPlanner.Tests.Diffing.ModelBuilder.View("v2", "v1", "id");
        var model = SchemaPlanner.Tests.Diffing.ModelBuilder.Schema([t], views: [v1, v2]);
        var depths = new SchemaPlanner.Diffing.DependencyDepths(model, model);

        int Depth(Change change) => DdlGenerators.For(change).Depth?.Invoke(change, depths)
            ?? throw new Xunit.Sdk.XunitException(change.Kind + " declares no dependency depth");

        Assert.True(Depth(new CreateTable(t)) < Depth(new CreateView(v1)) && Depth(new CreateView(v1)) < Depth(new CreateView(v2)));
        Assert.True(Depth(new DropView(v2)) < Depth(new DropView(v1)) && Depth(new DropView(v1)) <= Depth(new DropTable(t)));
        Assert.Equal(Depth(new CreateView(v2)), Depth(new ReplaceView(v2, v2)));

        // Every change type that creates or drops a table, view, function or index has a depth; the rest sort at 0.
        var withDepth = DdlGenerators.All.Where(h => h.Value.Depth is not null).Select(h => h.Key.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["AddIndex", "AlterTable", "CreateFunction", "CreateTable", "CreateView", "DropFunction", "DropTable", "DropView", "ReplaceFunction", "ReplaceView"],
            withDepth);
    }

    /// <summary>A second generator for <see cref="AddIndex"/>, which the registry must refuse.</summary>
    private sealed class SecondIndexDdl : DdlGenerator
    {
        public override IEnumerable<DdlHandler> Handlers =>
        [
            DdlHandler.For<AddIndex>((c, ddl) => ddl.Emit(new IndexSql.Create(c.Index.Definition)), c => ChangeReverse.By(new DropIndex(c.TableName, c.Index)), _ => 350, (_, _) => null),
        ];
    }
}
