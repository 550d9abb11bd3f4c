using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Statements;
using static SchemaPlanner.Planning.Ddl.DdlText;

namespace SchemaPlanner.Planning.Ddl.Generators;

/// <summary>Collations: created, replaced (they cannot be altered), dropped.</summary>
internal sealed class CollationDdl : DdlGenerator
{
    public override IEnumerable<DdlHandler> Handlers =>
    [
        DdlHandler.For<CreateCollation>(Create, c => ChangeReverse.By(new DropCollation(c.Collation)),
            rank: _ => 220,
            locate: (_, _) => null),
        DdlHandler.For<ReplaceCollation>(Replace, c => ChangeReverse.By(new ReplaceCollation(c.New, c.Old)),
            rank: _ => 220,
            locate: (_, _) => null),
        DdlHandler.For<DropCollation>(Drop, c => ChangeReverse.By(new CreateCollation(c.Collation)),
            rank: _ => 334,
            locate: (_, _) => null),
    ];

    private static void Create(CreateCollation c, DdlBuilder ddl) => ddl.Emit(CreateSql(c.Collation));

    /// <summary>Collations cannot be altered: create the new one beside the old, move the columns, drop the old.</summary>
    private static void Replace(ReplaceCollation c, DdlBuilder ddl)
    {
        var (fromModel, toModel) = ddl.Models(c);
        var away = AwayName(c.Old.Name);
        ddl.Emit(new CollationSql.Rename(c.Old.Name, away.Name));
        ddl.Emit(CreateSql(c.New));
        foreach (var (table, column) in TypeReplacement.LiveColumns(fromModel, toModel, col => col.Collation == c.Old.Name.Sql))
        {
            ddl.Emit(new ColumnSql.SetType(table, column.Name, column.Type, c.New.Name.Sql));
        }

        ddl.Emit(new CollationSql.Drop(away));
    }

    private static void Drop(DropCollation c, DdlBuilder ddl) => ddl.Emit(new CollationSql.Drop(c.Collation.Name));

    /// <summary>
    /// ICU collations are defined by their locale; libc ones by <c>locale</c> when the catalog has no
    /// <c>lc_collate</c>/<c>lc_ctype</c>, else by both of those (each falling back on the locale).
    /// </summary>
    private static CollationSql.Create CreateSql(Collation collation)
    {
        var byLocale = collation.Provider == "icu" || (collation.LcCollate is null && collation.LcCtype is null);
        var locale = collation.Provider == "icu" ? collation.Locale ?? collation.LcCollate ?? "" : collation.Locale ?? "";
        return byLocale
            ? new(collation.Name, collation.Provider == "icu" ? "icu" : "libc", locale, null, null, collation.Deterministic)
            : new(collation.Name, "libc", null, collation.LcCollate ?? collation.Locale ?? "", collation.LcCtype ?? collation.Locale ?? "", collation.Deterministic);
    }
}
