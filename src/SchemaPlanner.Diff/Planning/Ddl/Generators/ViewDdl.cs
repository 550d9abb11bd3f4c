using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Views and materialized views: created, replaced (<c>CREATE OR REPLACE</c>), dropped.</summary>
internal sealed class ViewDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateView>(Create, c => ChangeReverse.By(new DropView(c.View)),
            rank: _ => 370,
            locate: (c, at) => at.View(c.View.Name),
            depth: (c, d) => d.Created(c.View.Name)),
        DdlHandler.For<ReplaceView>(Replace, c => ChangeReverse.By(new ReplaceView(c.New, c.Old)),
            rank: _ => 370,
            locate: (c, at) => at.View(c.New.Name),
            depth: (c, d) => d.Created(c.New.Name)),
        DdlHandler.For<DropView>(Drop, c => ChangeReverse.By(new CreateView(c.View)),
            rank: _ => 20,
            locate: (_, _) => null,
            depth: (c, d) => d.Dropped(c.View.Name)),
    ];

    private static void Create(CreateView c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.View, orReplace: false));

    private static void Replace(ReplaceView c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.New, orReplace: true));

    private static void Drop(DropView c, DdlBuilder ddl) =>
        ddl.Emit(new ViewSql.Drop(c.View.Name, c.View.Kind == ViewKind.Materialized));

    private static ViewSql.Create CreateSql(View view, bool orReplace) =>
        new(view.Name, Trim(view.Definition), view.Kind == ViewKind.Materialized, orReplace);
}
