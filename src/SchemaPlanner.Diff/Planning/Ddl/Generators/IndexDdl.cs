using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Indexes: created from their catalog definition, dropped by name in the table's schema.</summary>
internal sealed class IndexDdl : DdlGenerator
{
    /// <summary>Rank of an index on a materialized view: after the view is created.</summary>
    private const int MaterializedViewIndex = 375;

    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<AddIndex>(Create, c => ChangeReverse.By(new DropIndex(c.TableName, c.Index)),
            rank: _ => 350,
            locate: (c, at) => at.Index(c.TableName.Schema, c.Index.Name) ?? at.Relation(c.TableName),
            rankIn: (c, to) => to.Views.Any(v => v.Name == c.TableName) ? MaterializedViewIndex : null,
            depth: (c, d) => d.Created(c.TableName)),
        DdlHandler.For<DropIndex>(Drop, c => ChangeReverse.By(new AddIndex(c.TableName, c.Index)),
            rank: _ => 40,
            locate: (c, at) => at.Relation(c.TableName)),
    ];

    /// <summary>
    /// <c>pg_get_indexdef</c> says <c>ON ONLY</c> for a partitioned table's index; a valid one is created
    /// the ordinary way, so the partitions get theirs.
    /// </summary>
    private static void Create(AddIndex c, DdlBuilder ddl) =>
        ddl.Emit(new IndexSql.Create(c.Index.Valid ? ReplaceFirst(c.Index.Definition, " ON ONLY ", " ON ") : c.Index.Definition));

    private static void Drop(DropIndex c, DdlBuilder ddl) =>
        ddl.Emit(new IndexSql.Drop(new QualifiedName(c.TableName.Schema, c.Index.Name)));
}
