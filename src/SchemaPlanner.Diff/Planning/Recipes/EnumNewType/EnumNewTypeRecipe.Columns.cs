using SchemaPlanner.Sources.Scripts;
using System.Text.RegularExpressions;
using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>The columns of the replaced enum, their sync triggers both ways, and retyping SQL from the old type to the new.</summary>
public sealed partial class EnumNewTypeRecipe
{
    /// <summary>Casts to the enum written in an expression (a default, an index or view) point at the new type.</summary>
    internal static string Retype(string sql, QualifiedName oldType, QualifiedName newType) => SqlIdentifiers.RetypeCasts(sql, oldType, newType);

    /// <summary>A column type naming the enum (or an array of it) turned into the new type.</summary>
    private static string RetypeType(string type, QualifiedName oldType, QualifiedName newType) =>
        Regex.Replace(
            type,
            "^(?:" + Regex.Escape(Sql.Quote(oldType.Schema)) + @"\.)?" + Regex.Escape(Sql.Quote(oldType.Name)) + @"(?=(?:\[\])*$)",
            newType.Sql.Replace("$", "$$", StringComparison.Ordinal));

    /// <summary>The columns of the old type that the desired schema keeps with the enum; their AlterColumn changes (the default) are claimed.</summary>
    private static List<EnumColumn> Columns(PlanningContext context, ReplaceEnum replace, QualifiedName newType)
    {
        var result = new List<EnumColumn>();
        foreach (var (table, column) in SchemaFacts.ColumnsOfType(context.From, replace.Old.Name))
        {
            var desired = context.To.FindTable(table)?.FindColumn(column.Name);
            if (desired is null || desired.TypeName != replace.New.Name || desired.Type != column.Type)
            {
                continue;
            }

            foreach (var alter in context.Changes.Select(c => c.Change).OfType<AlterColumn>()
                         .Where(a => a.TableName == table && a.Old.Name == column.Name && (a.Changed & ~(ColumnChange.Default | ColumnChange.Nullability)) == ColumnChange.None))
            {
                context.Claim(alter);
            }

            result.Add(new EnumColumn(table, column, desired, replace.Old.Name, newType, context.HintFor(table, column.Name)));
        }

        return result;
    }

    private static SyncTriggerData Sync(QualifiedName table, IReadOnlyList<EnumColumn> columns)
    {
        var (function, trigger) = RecipeSteps.SyncNames(table, "enum_" + string.Join("_", columns.Select(c => c.Old.Name)));
        return new SyncTriggerData(
            table, function, trigger,
            [.. columns.Select(c => c.Old.Name)],
            [.. columns.Select(c => c.Shadow)],
            [.. columns.Select(c => new Assignment(c.Shadow, c.Lenient))],
            [.. columns.Select(c => new Assignment(c.Old.Name, c.Backward(Sql.Quote(c.Shadow))))]);
    }

    /// <summary>
    /// The trigger keeping the retired columns filled after the swap, when the old type is named
    /// <paramref name="retiredType"/> (it is created after the names moved, and plpgsql resolves names at run time).
    /// </summary>
    private static SyncTriggerData Keep(QualifiedName table, IReadOnlyList<EnumColumn> columns, QualifiedName retiredType)
    {
        columns = [.. columns.Select(c => c with { OldType = retiredType })];
        var (function, trigger) = RecipeSteps.SyncNames(table, "retired_" + string.Join("_", columns.Select(c => c.Old.Name)));
        return new SyncTriggerData(
            table, function, trigger, [],
            [.. columns.Select(c => c.Retired)],
            [.. columns.Select(c => new Assignment(c.Retired, c.Backward(Sql.Quote(c.Old.Name))))],
            []);
    }

    /// <summary>A column of the enum, its shadow of the new type, and the expressions that convert between them.</summary>
    private sealed record EnumColumn(QualifiedName Table, Column Old, Column Desired, QualifiedName OldType, QualifiedName NewType, string? Hint)
    {
        public string Shadow => Sql.ShortName(Old.Name + "_sp_new");

        public string Retired => Sql.ShortName(Old.Name + "_sp_old");

        private bool IsArray => Old.Type.EndsWith("[]", StringComparison.Ordinal);

        private string TextType => IsArray ? "text[]" : "text";

        /// <summary>The shadow's type: the new enum (or an array of it).</summary>
        public string NewTypeSql => NewType.Sql + (IsArray ? "[]" : "");

        /// <summary>The new label as text: the hint, or the old label.</summary>
        private string Source => Hint is null ? $"{Sql.Quote(Old.Name)}::{TextType}" : $"({Hint})::{TextType}";

        private string Labels(QualifiedName type) => $"pg_catalog.enum_range(NULL::{type.Sql})::text[]";

        /// <summary>The backfill's and verify's conversion: fails on a value the new type has no label for.</summary>
        public string Strict => $"{Source}::{NewTypeSql}";

        /// <summary>The trigger's conversion: NULL for a value the new type has no label for (verify reports it), so no write fails.</summary>
        public string Lenient => IsArray
            ? $"CASE WHEN pg_catalog.array_remove({Source}, NULL) <@ {Labels(NewType)} THEN {Strict} END"
            : $"CASE WHEN {Source} = ANY ({Labels(NewType)}) THEN {Strict} END";

        /// <summary>A value of the new type back in the old one (NULL when the old type has no such label).</summary>
        public string Backward(string expression) => IsArray
            ? $"CASE WHEN pg_catalog.array_remove({expression}::text[], NULL) <@ {Labels(OldType)} THEN {expression}::text[]::{OldType.Sql}[] END"
            : $"CASE WHEN {expression}::text = ANY ({Labels(OldType)}) THEN {expression}::text::{OldType.Sql} END";

        public VerifyCheck LabelCheck(EnumType desired)
        {
            var unmapped = IsArray
                ? $"NOT (pg_catalog.array_remove({Source}, NULL) <@ {Labels(NewType)})"
                : $"{Source} IS NOT NULL AND NOT ({Source} = ANY ({Labels(NewType)}))";
            var column = Table.Member(Old.Name);
            var advice = Hint is null
                ? $"add a hint {{ \"column\": \"{Table}.{Old.Name}\", \"using\": \"CASE {Sql.Quote(Old.Name)}::text WHEN 'old' THEN 'new' ELSE {Sql.Quote(Old.Name)}::text END\" }} to schemaplan.json that maps every removed label, and plan again"
                : "the column's \"using\" hint leaves some of them unmapped: extend it and plan again";
            return new VerifyCheck(
                $"NOT EXISTS (SELECT 1 FROM {Table.Sql} WHERE {unmapped})",
                $"{column} holds values that are not labels of the new {OldType} ({string.Join(", ", desired.Values)}): {advice}");
        }
    }
}
