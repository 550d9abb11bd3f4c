using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>
/// Functions, procedures and aggregates: their catalog definition (an aggregate's built from <c>pg_aggregate</c> as
/// <c>CREATE OR REPLACE AGGREGATE</c>), after <c>SET check_function_bodies = off</c> so a body may
/// name tables and views created later; dropped by signature.
/// </summary>
internal sealed class FunctionDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateFunction>(Create, c => ChangeReverse.By(new DropFunction(c.Function)),
            rank: _ => 260,
            locate: (c, at) => at.Function(c.Function.Name),
            depth: (c, d) => c.Function.IsAggregate ? DependencyDepths.Aggregate : d.CreatedFunction(c.Function.Name)),
        DdlHandler.For<ReplaceFunction>(Replace, c => ChangeReverse.By(new ReplaceFunction(c.New, c.Old)),
            rank: _ => 260,
            locate: (c, at) => at.Function(c.New.Name),
            depth: (c, d) => c.New.IsAggregate ? DependencyDepths.Aggregate : d.CreatedFunction(c.New.Name)),
        DdlHandler.For<DropFunction>(Drop, c => ChangeReverse.By(new CreateFunction(c.Function)),
            rank: _ => 95,
            locate: (_, _) => null,
            depth: (c, d) => c.Function.IsAggregate ? -DependencyDepths.Aggregate : d.DroppedFunction(c.Function.Name)),
    ];

    private static void Create(CreateFunction c, DdlBuilder ddl)
    {
        ddl.Emit(BodiesUnchecked);
        ddl.Emit(new FunctionSql.Create(Trim(c.Function.Definition)));
    }

    private static void Replace(ReplaceFunction c, DdlBuilder ddl)
    {
        ddl.Emit(BodiesUnchecked);
        ddl.Emit(new FunctionSql.Create(Trim(c.New.Definition)));
    }

    private static readonly SessionSql.Set BodiesUnchecked = new("check_function_bodies", "off");

    private static void Drop(DropFunction c, DdlBuilder ddl) =>
        ddl.Emit(new FunctionSql.Drop(
            c.Function.IsAggregate && c.Function.Arguments.Length == 0 ? c.Function.Name.Sql + "(*)" : c.Function.Signature,
            Procedure: string.Equals(c.Function.Kind, "procedure", StringComparison.OrdinalIgnoreCase),
            Aggregate: c.Function.IsAggregate));
}
