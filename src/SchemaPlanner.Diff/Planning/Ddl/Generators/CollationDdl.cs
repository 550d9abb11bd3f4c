using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Collations: created, replaced (they cannot be altered), dropped.</summary>
internal sealed class CollationDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateCollation>(Create, c => ChangeReverse.By(new DropCollation(c.Collation))),
        DdlHandler.For<ReplaceCollation>(Replace, c => ChangeReverse.By(new ReplaceCollation(c.New, c.Old))),
        DdlHandler.For<DropCollation>(Drop, c => ChangeReverse.By(new CreateCollation(c.Collation))),
    ];

    private static void Create(CreateCollation c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.Collation));

    /// <summary>Collations cannot be altered: create the new one beside the old, move the columns, drop the old.</summary>
    private static void Replace(ReplaceCollation c, DdlBuilder ddl)
    {
        var (fromModel, toModel) = ddl.Models(c);
        var away = AwayName(c.Old.Name);
        ddl.Emit("ALTER COLLATION " + c.Old.Name.Sql + " RENAME TO " + Sql.Quote(away.Name));
        ddl.Emit(CreateSql(c.New));
        foreach (var (table, column) in TypeReplacement.LiveColumns(fromModel, toModel, col => col.Collation == c.Old.Name.Sql))
        {
            ddl.Emit(AlterTable(table) + " ALTER COLUMN " + Sql.Quote(column.Name) + " TYPE " + column.Type + " COLLATE " + c.New.Name.Sql);
        }

        ddl.Emit("DROP COLLATION " + away.Sql);
    }

    private static void Drop(DropCollation c, DdlBuilder ddl) => ddl.Emit("DROP COLLATION " + c.Collation.Name.Sql);

    private static string CreateSql(Collation collation)
    {
        var options = new List<string>();
        if (collation.Provider == "icu")
        {
            options.Add("provider = icu");
            options.Add("locale = " + Sql.Literal(collation.Locale ?? collation.LcCollate ?? ""));
        }
        else
        {
            options.Add("provider = libc");
            if (collation.LcCollate is null && collation.LcCtype is null)
            {
                options.Add("locale = " + Sql.Literal(collation.Locale ?? ""));
            }
            else
            {
                options.Add("lc_collate = " + Sql.Literal(collation.LcCollate ?? collation.Locale ?? ""));
                options.Add("lc_ctype = " + Sql.Literal(collation.LcCtype ?? collation.Locale ?? ""));
            }
        }

        if (!collation.Deterministic)
        {
            options.Add("deterministic = false");
        }

        return "CREATE COLLATION " + collation.Name.Sql + " (" + string.Join(", ", options) + ")";
    }
}
