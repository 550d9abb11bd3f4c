using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Views and materialized views: created, replaced (<c>CREATE OR REPLACE</c>), dropped.</summary>
internal sealed class ViewDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateView>(Create, c => ChangeReverse.By(new DropView(c.View))),
        DdlHandler.For<ReplaceView>(Replace, c => ChangeReverse.By(new ReplaceView(c.New, c.Old))),
        DdlHandler.For<DropView>(Drop, c => ChangeReverse.By(new CreateView(c.View))),
    ];

    private static void Create(CreateView c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.View, orReplace: false));

    private static void Replace(ReplaceView c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.New, orReplace: true));

    private static void Drop(DropView c, DdlBuilder ddl) =>
        ddl.Emit("DROP " + (c.View.Kind == ViewKind.Materialized ? "MATERIALIZED VIEW " : "VIEW ") + c.View.Name.Sql);

    private static string CreateSql(View view, bool orReplace) =>
        (orReplace ? "CREATE OR REPLACE " : "CREATE ")
        + (view.Kind == ViewKind.Materialized ? "MATERIALIZED VIEW " : "VIEW ")
        + view.Name.Sql + " AS\n" + Trim(view.Definition);
}
