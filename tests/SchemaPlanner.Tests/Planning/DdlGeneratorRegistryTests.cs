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

    /// <summary>A second generator for <see cref="AddIndex"/>, which the registry must refuse.</summary>
    private sealed class SecondIndexDdl : DdlGenerator
    {
        public override IEnumerable<DdlHandler> Handlers =>
        [
            DdlHandler.For<AddIndex>((c, ddl) => ddl.Emit(new IndexSql.Create(c.Index.Definition)), c => ChangeReverse.By(new DropIndex(c.TableName, c.Index))),
        ];
    }
}
