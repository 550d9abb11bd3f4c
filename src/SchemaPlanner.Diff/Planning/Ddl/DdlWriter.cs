using System.Globalization;
using System.Text;
using SchemaPlanner.Changes;
using SchemaPlanner.Diffing;
using SchemaPlanner.Model;

namespace SchemaPlanner.Planning.Ddl;

/// <summary>
/// The plain DDL for a change: what a plain diff tool emits to apply it as-is, with no zero-downtime care (no
/// <c>CONCURRENTLY</c>, no <c>lock_timeout</c>, <c>NOT VALID</c> only when the desired constraint is not valid).
/// The safe plans are built elsewhere; this is the reference they are checked against and the fallback for
/// changes that are safe as they are.
/// </summary>
/// <remarks>
/// <para>
/// Each string is exactly one statement, <b>without</b> a trailing semicolon, possibly spanning several lines
/// (LF). Run them in order, one at a time, on one session, and in autocommit mode: <c>ALTER TYPE … ADD VALUE</c>
/// labels cannot be used in the transaction that adds them.
/// </para>
/// <para>
/// <see cref="CreateFunction"/> and <see cref="ReplaceFunction"/> start with <c>SET check_function_bodies =
/// off</c> as a statement of their own, so a function can be created before the tables and views its body
/// names (functions are created before tables). It changes that setting for the rest of the session, as
/// <c>pg_dump</c> output does.
/// </para>
/// <para>
/// Some changes rewrite objects other than their own and need both models to find them: <see cref="ReplaceEnum"/>,
/// <see cref="ReplaceCollation"/> and a domain whose base type changes (columns using the type are moved to
/// the new one), and an <see cref="AlterTable"/> whose partition key changes. The overload without models
/// throws for those; for the rest the models only sharpen the output (<c>USING col::text::type</c> for enum
/// casts, inherited columns not repeated, <c>ONLY</c> where a child keeps a column its parent drops).
/// </para>
/// <para>
/// A partition-key change (regular ↔ partitioned, or a different key) has no in-place DDL. It becomes a
/// rebuild: incoming foreign keys and serial sequences are detached, the table and its indexes are renamed
/// away, the table is created again from its desired definition (columns, checks, keys) with its new
/// partitions, the rows are copied with <c>INSERT … SELECT</c> (so they must fit those partitions),
/// identity sequences are moved past the copied values, the old table is dropped, and what was detached is
/// attached again, comments included. The differ follows it, as it follows a <see cref="CreateTable"/>, with
/// the table's foreign keys, indexes, triggers, policies and grants, and re-creates the views reading it.
/// </para>
/// </remarks>
public static class DdlWriter
{
    private const string Indent = "    ";

    /// <summary>The statements for one change, without the models (see remarks for the changes that need them).</summary>
    public static IReadOnlyList<string> Statements(Change change) => new Writer(null, null).Write(change);

    /// <summary>The statements for one change of the diff <paramref name="from"/> → <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Statements(Change change, SchemaModel from, SchemaModel to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new Writer(from, to).Write(change);
    }

    /// <summary>The statements for all <paramref name="changes"/>, in order (the whole plain migration script).</summary>
    public static IReadOnlyList<string> Statements(IEnumerable<Change> changes, SchemaModel from, SchemaModel to)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writer = new Writer(from, to);
        return changes.SelectMany(writer.Write).ToList();
    }

    private sealed class Writer(SchemaModel? from, SchemaModel? to)
    {
        private readonly List<string> output = [];

        public IReadOnlyList<string> Write(Change change)
        {
            output.Clear();
            switch (change)
            {
                case CreateSchema c:
                    Emit("CREATE SCHEMA " + Sql.Quote(c.Schema.Name));
                    break;
                case DropSchema c:
                    Emit("DROP SCHEMA " + Sql.Quote(c.Schema.Name));
                    break;
                case CreateExtension c:
                    Emit("CREATE EXTENSION " + Sql.Quote(c.Extension.Name) + " WITH SCHEMA " + Sql.Quote(c.Extension.Schema)
                        + " VERSION " + Sql.Literal(c.Extension.Version));
                    break;
                case AlterExtension c:
                    AlterExtension(c);
                    break;
                case DropExtension c:
                    Emit("DROP EXTENSION " + Sql.Quote(c.Extension.Name));
                    break;
                case CreateCollation c:
                    Emit(CreateCollation(c.Collation));
                    break;
                case ReplaceCollation c:
                    ReplaceCollation(c);
                    break;
                case DropCollation c:
                    Emit("DROP COLLATION " + c.Collation.Name.Sql);
                    break;
                case CreateEnum c:
                    Emit(CreateEnum(c.Enum));
                    break;
                case AddEnumValue c:
                    Emit("ALTER TYPE " + c.New.Name.Sql + " ADD VALUE IF NOT EXISTS " + Sql.Literal(c.Value)
                        + (c.Before is not null ? " BEFORE " + Sql.Literal(c.Before) : c.After is not null ? " AFTER " + Sql.Literal(c.After) : ""));
                    break;
                case ReplaceEnum c:
                    ReplaceEnum(c);
                    break;
                case DropEnum c:
                    Emit("DROP TYPE " + c.Enum.Name.Sql);
                    break;
                case CreateDomain c:
                    CreateDomain(c.Domain);
                    break;
                case AlterDomain c:
                    AlterDomain(c);
                    break;
                case DropDomain c:
                    Emit("DROP DOMAIN " + c.Domain.Name.Sql);
                    break;
                case CreateSequence c:
                    Emit(CreateSequence(c.Sequence));
                    break;
                case AlterSequence c:
                    AlterSequence(c);
                    break;
                case DropSequence c:
                    // IF EXISTS: a sequence owned by a column goes with it when a recipe retires that column first.
                    Emit("DROP SEQUENCE IF EXISTS " + c.Sequence.Name.Sql);
                    break;
                case CreateFunction c:
                    Emit("SET check_function_bodies = off");
                    Emit(Trim(c.Function.Definition));
                    break;
                case ReplaceFunction c:
                    Emit("SET check_function_bodies = off");
                    Emit(Trim(c.New.Definition));
                    break;
                case DropFunction c:
                    Emit("DROP " + RoutineKeyword(c.Function) + " " + c.Function.Signature);
                    break;
                case CreateTable c:
                    CreateTable(c.Definition);
                    break;
                case RenameTable c:
                    RenameTable(c);
                    break;
                case AlterTable c:
                    AlterTable(c);
                    break;
                case DropTable c:
                    Emit("DROP TABLE " + c.Definition.Name.Sql);
                    break;
                case AddColumn c:
                    Emit("ALTER TABLE " + c.TableName.Sql + " ADD COLUMN " + ColumnDefinition(c.Column, inheritedGenerated: false));
                    break;
                case AlterColumn c:
                    AlterColumn(c.TableName, c.Old, c.New, c.Changed);
                    break;
                case RenameColumn c:
                    RenameColumn(c);
                    break;
                case DropColumn c:
                    DropColumn(c);
                    break;
                case AddConstraint c:
                    Emit(AddConstraint(c.TableName, c.Constraint));
                    break;
                case ValidateConstraint c:
                    Emit("ALTER TABLE " + c.TableName.Sql + " VALIDATE CONSTRAINT " + Sql.Quote(c.Constraint.Name));
                    break;
                case DropConstraint c:
                    Emit("ALTER TABLE " + c.TableName.Sql + " DROP CONSTRAINT IF EXISTS " + Sql.Quote(c.Constraint.Name));
                    break;
                case AddIndex c:
                    Emit(CreateIndex(c.Index));
                    break;
                case DropIndex c:
                    Emit("DROP INDEX " + Sql.Quote(c.TableName.Schema) + "." + Sql.Quote(c.Index.Name));
                    break;
                case CreateView c:
                    Emit(CreateView(c.View, orReplace: false));
                    break;
                case ReplaceView c:
                    Emit(CreateView(c.New, orReplace: true));
                    break;
                case DropView c:
                    Emit("DROP " + (c.View.Kind == ViewKind.Materialized ? "MATERIALIZED VIEW " : "VIEW ") + c.View.Name.Sql);
                    break;
                case CreateTrigger c:
                    CreateTrigger(c.TableName, c.Trigger);
                    break;
                case DropTrigger c:
                    Emit("DROP TRIGGER " + Sql.Quote(c.Trigger.Name) + " ON " + c.TableName.Sql);
                    break;
                case CreatePolicy c:
                    Emit(CreatePolicy(c.TableName, c.Policy));
                    break;
                case AlterPolicy c:
                    AlterPolicy(c);
                    break;
                case DropPolicy c:
                    Emit("DROP POLICY " + Sql.Quote(c.Policy.Name) + " ON " + c.TableName.Sql);
                    break;
                case SetComment c:
                    Emit("COMMENT ON " + c.Target + " IS " + (c.New is null ? "NULL" : Sql.Literal(c.New)));
                    break;
                case ChangePrivileges c:
                    ChangePrivileges(c.ObjectType, c.Name, c.Old, c.New);
                    break;
                case UnsupportedChange c:
                    throw new NotSupportedException("no DDL for an unsupported change: " + c.Describe());
                default:
                    throw new NotSupportedException("DdlWriter has no statements for change kind " + change.Kind);
            }

            return output.ToList();
        }

        private void Emit(string statement) => output.Add(statement);

        private (SchemaModel From, SchemaModel To) Models(Change change) =>
            from is not null && to is not null
                ? (from, to)
                : throw new InvalidOperationException(
                    "the DDL for '" + change.Describe() + "' rewrites other objects and needs both models: call DdlWriter.Statements(change, from, to)");

        // ---- extensions, collations, types ------------------------------------------------------------------

        private void AlterExtension(AlterExtension c)
        {
            if (c.Old.Schema != c.New.Schema)
            {
                Emit("ALTER EXTENSION " + Sql.Quote(c.New.Name) + " SET SCHEMA " + Sql.Quote(c.New.Schema));
            }

            if (c.Old.Version != c.New.Version)
            {
                Emit("ALTER EXTENSION " + Sql.Quote(c.New.Name) + " UPDATE TO " + Sql.Literal(c.New.Version));
            }
        }

        private static string CreateCollation(Collation collation)
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

        /// <summary>Collations cannot be altered: create the new one beside the old, move the columns, drop the old.</summary>
        private void ReplaceCollation(ReplaceCollation c)
        {
            var (fromModel, toModel) = Models(c);
            var away = AwayName(c.Old.Name);
            Emit("ALTER COLLATION " + c.Old.Name.Sql + " RENAME TO " + Sql.Quote(away.Name));
            Emit(CreateCollation(c.New));
            foreach (var (table, column) in LiveColumns(fromModel, toModel, col => col.Collation == c.Old.Name.Sql))
            {
                Emit(AlterTableSql(table) + " ALTER COLUMN " + Sql.Quote(column.Name) + " TYPE " + column.Type + " COLLATE " + c.New.Name.Sql);
            }

            Emit("DROP COLLATION " + away.Sql);
        }

        private static string CreateEnum(EnumType type) =>
            "CREATE TYPE " + type.Name.Sql + " AS ENUM (" + string.Join(", ", type.Values.Select(Sql.Literal)) + ")";

        /// <summary>
        /// Labels removed, renamed or reordered: rename the old type away, create the new one, move every live
        /// column to it through text (defaults are dropped first and set again, as they name the old type), drop
        /// the old type. A value with no label in the new type makes the move fail: that is the data decision
        /// the plain DDL cannot make.
        /// </summary>
        private void ReplaceEnum(ReplaceEnum c)
        {
            var models = Models(c);
            ReplaceType(c.Old.Name, CreateEnum(c.New), "DROP TYPE ", models.From, models.To);
        }

        private void ReplaceType(QualifiedName name, string create, string dropKeyword, SchemaModel fromModel, SchemaModel toModel)
        {
            var away = AwayName(name);
            Emit((dropKeyword.Contains("DOMAIN", StringComparison.Ordinal) ? "ALTER DOMAIN " : "ALTER TYPE ") + name.Sql + " RENAME TO " + Sql.Quote(away.Name));
            Emit(create);
            foreach (var (table, column) in LiveColumns(fromModel, toModel, col => col.TypeName == name))
            {
                var desired = toModel.FindTable(table)?.FindColumn(column.Name);
                var alter = AlterTableSql(table) + " ALTER COLUMN " + Sql.Quote(column.Name);
                if (column.Default is not null)
                {
                    Emit(alter + " DROP DEFAULT");
                }

                var isArray = column.Type.EndsWith("[]", StringComparison.Ordinal);
                Emit(alter + " TYPE " + column.Type + " USING " + Sql.Quote(column.Name) + (isArray ? "::text[]::" : "::text::") + column.Type);
                var defaultValue = desired is not null && desired.Type == column.Type ? desired.Default : column.Default;
                if (defaultValue is not null)
                {
                    Emit(alter + " SET DEFAULT " + defaultValue);
                }
            }

            Emit(dropKeyword + away.Sql);
        }

        /// <summary>
        /// Columns of <paramref name="fromModel"/> matching <paramref name="predicate"/> that still exist when
        /// types are created (dropped tables and columns are gone by then; ones the target keeps are live).
        /// Columns of a renamed table or column are not found: their old name is not in the target.
        /// </summary>
        private static IEnumerable<(QualifiedName Table, Column Column)> LiveColumns(SchemaModel fromModel, SchemaModel toModel, Func<Column, bool> predicate)
        {
            foreach (var table in fromModel.Tables)
            {
                var desired = toModel.FindTable(table.Name);
                if (desired is null)
                {
                    continue;
                }

                foreach (var column in table.Columns.Where(predicate))
                {
                    // Inherited columns follow their parent's ALTER; partitions' columns are their parent's.
                    if (desired.FindColumn(column.Name) is null || IsInheritedColumn(fromModel, table, column.Name))
                    {
                        continue;
                    }

                    yield return (table.Name, column);
                }
            }
        }

        private static bool IsInheritedColumn(SchemaModel model, Table table, string column) =>
            Parents(table).Any(p => model.FindTable(p)?.FindColumn(column) is not null);

        private static IEnumerable<QualifiedName> Parents(Table table) =>
            table.PartitionOf is { } parent ? table.Inherits.Append(parent) : table.Inherits;

        // ---- domains -----------------------------------------------------------------------------------------

        private void CreateDomain(Domain domain)
        {
            Emit(CreateDomainSql(domain));
            foreach (var check in domain.Checks.Where(k => !k.Validated))
            {
                Emit("ALTER DOMAIN " + domain.Name.Sql + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + " NOT VALID");
            }
        }

        private static string CreateDomainSql(Domain domain)
        {
            var sql = new StringBuilder("CREATE DOMAIN ").Append(domain.Name.Sql).Append(" AS ").Append(domain.BaseType);
            if (domain.Collation is not null)
            {
                sql.Append(" COLLATE ").Append(domain.Collation);
            }

            if (domain.Default is not null)
            {
                sql.Append(" DEFAULT ").Append(domain.Default);
            }

            if (domain.NotNull)
            {
                sql.Append(" NOT NULL");
            }

            foreach (var check in domain.Checks.Where(k => k.Validated))
            {
                sql.Append(" CONSTRAINT ").Append(Sql.Quote(check.Name)).Append(' ').Append(check.Definition);
            }

            return sql.ToString();
        }

        private void AlterDomain(AlterDomain c)
        {
            var name = c.New.Name.Sql;
            if (c.Old.BaseType != c.New.BaseType || c.Old.Collation != c.New.Collation)
            {
                // No ALTER DOMAIN for the base type or collation: a new domain, the columns moved to it.
                var models = Models(c);
                var validated = c.New with { Checks = c.New.Checks.Where(k => k.Validated).ToEquatableArray() };
                ReplaceType(c.Old.Name, CreateDomainSql(validated), "DROP DOMAIN ", models.From, models.To);
                foreach (var check in c.New.Checks.Where(k => !k.Validated))
                {
                    Emit("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + " NOT VALID");
                }

                return;
            }

            foreach (var check in c.Old.Checks)
            {
                var desired = c.New.Checks.FirstOrDefault(k => k.Name == check.Name);
                if (desired is null || desired.Definition != check.Definition)
                {
                    Emit("ALTER DOMAIN " + name + " DROP CONSTRAINT " + Sql.Quote(check.Name));
                }
            }

            if (c.Old.Default != c.New.Default)
            {
                Emit("ALTER DOMAIN " + name + (c.New.Default is null ? " DROP DEFAULT" : " SET DEFAULT " + c.New.Default));
            }

            if (c.Old.NotNull != c.New.NotNull)
            {
                Emit("ALTER DOMAIN " + name + (c.New.NotNull ? " SET NOT NULL" : " DROP NOT NULL"));
            }

            foreach (var check in c.New.Checks)
            {
                var previous = c.Old.Checks.FirstOrDefault(k => k.Name == check.Name);
                if (previous is null || previous.Definition != check.Definition)
                {
                    Emit("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.Quote(check.Name) + " " + check.Definition + (check.Validated ? "" : " NOT VALID"));
                }
                else if (!previous.Validated && check.Validated)
                {
                    Emit("ALTER DOMAIN " + name + " VALIDATE CONSTRAINT " + Sql.Quote(check.Name));
                }
            }
        }

        // ---- sequences ---------------------------------------------------------------------------------------

        private static string CreateSequence(Sequence sequence)
        {
            var sql = new StringBuilder("CREATE SEQUENCE ").Append(sequence.Name.Sql)
                .Append(" AS ").Append(sequence.DataType)
                .Append(" INCREMENT BY ").Append(Number(sequence.Increment))
                .Append(" MINVALUE ").Append(Number(sequence.MinValue))
                .Append(" MAXVALUE ").Append(Number(sequence.MaxValue))
                .Append(" START WITH ").Append(Number(sequence.Start))
                .Append(" CACHE ").Append(Number(sequence.Cache))
                .Append(sequence.Cycle ? " CYCLE" : " NO CYCLE");
            if (sequence.OwnedByTable is not null && sequence.OwnedByColumn is not null)
            {
                sql.Append(" OWNED BY ").Append(sequence.OwnedByTable.Member(sequence.OwnedByColumn));
            }

            return sql.ToString();
        }

        private void AlterSequence(AlterSequence c)
        {
            var (old, @new) = (c.Old, c.New);
            var clauses = new List<string>();
            if (old.DataType != @new.DataType)
            {
                clauses.Add("AS " + @new.DataType);
            }

            if (old.Increment != @new.Increment)
            {
                clauses.Add("INCREMENT BY " + Number(@new.Increment));
            }

            // A type change moves the default bounds; say them whenever they differ from the desired ones.
            if (old.MinValue != @new.MinValue || old.DataType != @new.DataType)
            {
                clauses.Add("MINVALUE " + Number(@new.MinValue));
            }

            if (old.MaxValue != @new.MaxValue || old.DataType != @new.DataType)
            {
                clauses.Add("MAXVALUE " + Number(@new.MaxValue));
            }

            if (old.Start != @new.Start)
            {
                clauses.Add("START WITH " + Number(@new.Start));
            }

            if (old.Cache != @new.Cache)
            {
                clauses.Add("CACHE " + Number(@new.Cache));
            }

            if (old.Cycle != @new.Cycle)
            {
                clauses.Add(@new.Cycle ? "CYCLE" : "NO CYCLE");
            }

            if (old.OwnedByTable != @new.OwnedByTable || old.OwnedByColumn != @new.OwnedByColumn)
            {
                clauses.Add(@new.OwnedByTable is not null && @new.OwnedByColumn is not null
                    ? "OWNED BY " + @new.OwnedByTable.Member(@new.OwnedByColumn)
                    : "OWNED BY NONE");
            }

            if (clauses.Count > 0)
            {
                Emit("ALTER SEQUENCE " + @new.Name.Sql + " " + string.Join(" ", clauses));
            }
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        // ---- functions ---------------------------------------------------------------------------------------

        private static string RoutineKeyword(Function function) =>
            string.Equals(function.Kind, "procedure", StringComparison.OrdinalIgnoreCase) ? "PROCEDURE" : "FUNCTION";

        /// <summary>Catalog definitions end with a newline (functions) or a semicolon (views): statements carry neither.</summary>
        private static string Trim(string definition) => definition.TrimEnd().TrimEnd(';').TrimEnd();

        // ---- tables ------------------------------------------------------------------------------------------

        /// <summary>
        /// <c>CREATE TABLE</c> with columns and the constraints that need no other table inline; then what
        /// CREATE TABLE cannot say: NOT VALID checks, row-level security. Foreign keys, indexes, triggers,
        /// policies and grants are changes of their own.
        /// </summary>
        private void CreateTable(Table table)
        {
            var sql = new StringBuilder("CREATE ");
            if (table.Unlogged)
            {
                sql.Append("UNLOGGED ");
            }

            sql.Append("TABLE ").Append(table.Name.Sql);
            var inline = table.Constraints
                .Where(c => c.Kind != ConstraintKind.ForeignKey && (c.Validated || c.Kind != ConstraintKind.Check))
                .Select(c => "CONSTRAINT " + Sql.Quote(c.Name) + " " + c.Definition)
                .ToList();
            var partitionParent = table.PartitionOf is { } p ? to?.FindTable(p) : null;
            if (table.PartitionOf is not null)
            {
                // A partition's columns are its parent's; only its own constraints are listed.
                sql.Append(" PARTITION OF ").Append(table.PartitionOf.Sql);
                if (inline.Count > 0)
                {
                    sql.Append(" (\n").Append(string.Join(",\n", inline.Select(l => Indent + l))).Append("\n)");
                }

                sql.Append(' ').Append(table.PartitionBound ?? "DEFAULT");
            }
            else
            {
                var parents = table.Inherits.Select(n => to?.FindTable(n)).ToList();
                var lines = new List<string>();
                foreach (var column in table.Columns)
                {
                    var inherited = parents.Select(t => t?.FindColumn(column.Name)).FirstOrDefault(c => c is not null);
                    if (inherited is not null && inherited == column)
                    {
                        continue;
                    }

                    lines.Add(ColumnDefinition(column, inheritedGenerated: inherited is not null && inherited.Generated is not null));
                }

                lines.AddRange(inline);
                sql.Append(lines.Count == 0 ? " ()" : " (\n" + string.Join(",\n", lines.Select(l => Indent + l)) + "\n)");
                if (!table.Inherits.IsEmpty)
                {
                    sql.Append(" INHERITS (").Append(string.Join(", ", table.Inherits.Select(n => n.Sql))).Append(')');
                }
            }

            if (table.PartitionKey is not null)
            {
                sql.Append(" PARTITION BY ").Append(table.PartitionKey);
            }

            Emit(sql.ToString());

            if (partitionParent is not null)
            {
                // Column defaults and NOT NULL a partition has beyond its parent's.
                foreach (var column in table.Columns)
                {
                    var parentColumn = partitionParent.FindColumn(column.Name);
                    if (parentColumn is null)
                    {
                        continue;
                    }

                    if (column.Default != parentColumn.Default)
                    {
                        Emit(AlterTableSql(table.Name) + " ALTER COLUMN " + Sql.Quote(column.Name) + (column.Default is null ? " DROP DEFAULT" : " SET DEFAULT " + column.Default));
                    }

                    if (column.NotNull && !parentColumn.NotNull)
                    {
                        Emit(AlterTableSql(table.Name) + " ALTER COLUMN " + Sql.Quote(column.Name) + " SET NOT NULL");
                    }
                }
            }

            foreach (var check in table.Constraints.Where(c => c.Kind == ConstraintKind.Check && !c.Validated))
            {
                Emit(AddConstraint(table.Name, check));
            }

            if (table.RowLevelSecurity)
            {
                Emit(AlterTableSql(table.Name) + " ENABLE ROW LEVEL SECURITY");
            }

            if (table.ForceRowLevelSecurity)
            {
                Emit(AlterTableSql(table.Name) + " FORCE ROW LEVEL SECURITY");
            }
        }

        /// <summary>
        /// <c>name type [COLLATE] [DEFAULT | GENERATED … STORED] [GENERATED … AS IDENTITY] [NOT NULL]</c>.
        /// A child column whose parent's is generated must not repeat the expression.
        /// </summary>
        private static string ColumnDefinition(Column column, bool inheritedGenerated)
        {
            var sql = new StringBuilder(Sql.Quote(column.Name)).Append(' ').Append(column.Type);
            if (column.Collation is not null)
            {
                sql.Append(" COLLATE ").Append(column.Collation);
            }

            if (column.Generated is not null && !inheritedGenerated)
            {
                sql.Append(" GENERATED ALWAYS AS (").Append(column.Generated).Append(") STORED");
            }
            else if (column.Default is not null)
            {
                sql.Append(" DEFAULT ").Append(column.Default);
            }

            sql.Append(column.Identity switch
            {
                IdentityKind.Always => " GENERATED ALWAYS AS IDENTITY",
                IdentityKind.ByDefault => " GENERATED BY DEFAULT AS IDENTITY",
                _ => "",
            });
            if (column.NotNull)
            {
                sql.Append(" NOT NULL");
            }

            return sql.ToString();
        }

        private static string AlterTableSql(QualifiedName table) => "ALTER TABLE " + table.Sql;

        private void RenameTable(RenameTable c)
        {
            var current = c.Old.Name;
            if (current.Schema != c.New.Name.Schema)
            {
                Emit("ALTER TABLE " + current.Sql + " SET SCHEMA " + Sql.Quote(c.New.Name.Schema));
                current = current with { Schema = c.New.Name.Schema };
            }

            if (current.Name != c.New.Name.Name)
            {
                Emit("ALTER TABLE " + current.Sql + " RENAME TO " + Sql.Quote(c.New.Name.Name));
            }

            foreach (var statement in RenameFollowers.Statements(c.New.Name, c.Followers))
            {
                Emit(statement);
            }
        }

        private void AlterTable(AlterTable c)
        {
            var (old, @new) = (c.Old, c.New);
            var table = AlterTableSql(@new.Name);
            if (c.Changed.HasFlag(TableChange.PartitionKey))
            {
                Rebuild(c);
                return;
            }

            if (c.Changed.HasFlag(TableChange.PartitionOf) && old.PartitionOf is not null
                && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
            {
                Emit(AlterTableSql(old.PartitionOf) + " DETACH PARTITION " + @new.Name.Sql);
            }

            if (c.Changed.HasFlag(TableChange.Inheritance))
            {
                foreach (var parent in old.Inherits.Where(p => !@new.Inherits.Contains(p)))
                {
                    Emit(table + " NO INHERIT " + parent.Sql);
                }

                foreach (var parent in @new.Inherits.Where(p => !old.Inherits.Contains(p)))
                {
                    Emit(table + " INHERIT " + parent.Sql);
                }
            }

            if (c.Changed.HasFlag(TableChange.Persistence))
            {
                Emit(table + (@new.Unlogged ? " SET UNLOGGED" : " SET LOGGED"));
            }

            if (c.Changed.HasFlag(TableChange.RowLevelSecurity))
            {
                if (old.RowLevelSecurity != @new.RowLevelSecurity)
                {
                    Emit(table + (@new.RowLevelSecurity ? " ENABLE ROW LEVEL SECURITY" : " DISABLE ROW LEVEL SECURITY"));
                }

                if (old.ForceRowLevelSecurity != @new.ForceRowLevelSecurity)
                {
                    Emit(table + (@new.ForceRowLevelSecurity ? " FORCE ROW LEVEL SECURITY" : " NO FORCE ROW LEVEL SECURITY"));
                }
            }

            if (c.Changed.HasFlag(TableChange.PartitionOf) && @new.PartitionOf is not null
                && (old.PartitionOf != @new.PartitionOf || old.PartitionBound != @new.PartitionBound))
            {
                Emit(AlterTableSql(@new.PartitionOf) + " ATTACH PARTITION " + @new.Name.Sql + " " + (@new.PartitionBound ?? "DEFAULT"));
            }
        }

        /// <summary>A partition-key change: the table is built again beside the old one and the rows copied (see remarks).</summary>
        private void Rebuild(AlterTable c)
        {
            var (fromModel, toModel) = Models(c);
            var (old, @new) = (c.Old, c.New);
            var away = AwayName(old.Name);

            // Foreign keys pointing at the old table would keep it alive: drop them, add them back at the end.
            var incoming = fromModel.Tables
                .Where(t => t.Name != old.Name)
                .SelectMany(t => t.Constraints.Where(k => k.Kind == ConstraintKind.ForeignKey && k.ReferencedTable == old.Name).Select(k => (Table: t.Name, Constraint: k)))
                .ToList();
            foreach (var (table, constraint) in incoming)
            {
                Emit("ALTER TABLE IF EXISTS " + table.Sql + " DROP CONSTRAINT IF EXISTS " + Sql.Quote(constraint.Name));
            }

            // Serial sequences are owned by the old columns and would be dropped with them.
            var owned = fromModel.Sequences.Where(s => s.OwnedByTable == old.Name).ToList();
            foreach (var sequence in owned)
            {
                Emit("ALTER SEQUENCE " + sequence.Name.Sql + " OWNED BY NONE");
            }

            // Partitions that stay partitions of the table move with it (their rows stay where they are).
            var partitions = fromModel.Tables
                .Where(t => t.PartitionOf == old.Name && toModel.FindTable(t.Name)?.PartitionOf == @new.Name)
                .Select(t => toModel.FindTable(t.Name)!)
                .ToList();
            Emit("ALTER TABLE " + old.Name.Sql + " RENAME TO " + Sql.Quote(away.Name));
            foreach (var index in old.Indexes)
            {
                Emit("ALTER INDEX " + Sql.Quote(old.Name.Schema) + "." + Sql.Quote(index.Name) + " RENAME TO " + Sql.Quote(Sql.ShortName(index.Name + "__old")));
            }

            foreach (var partition in partitions)
            {
                Emit("ALTER TABLE " + away.Sql + " DETACH PARTITION " + partition.Name.Sql);
            }

            CreateTable(@new);

            // New partitions (and theirs) are created here, so the rows have somewhere to go.
            var parents = new HashSet<QualifiedName> { @new.Name };
            bool added;
            do
            {
                added = false;
                foreach (var partition in toModel.Tables.Where(t => t.PartitionOf is { } p && parents.Contains(p) && !parents.Contains(t.Name) && fromModel.FindTable(t.Name) is null))
                {
                    CreateTable(partition);
                    parents.Add(partition.Name);
                    added = true;
                }
            }
            while (added);

            var copied = @new.Columns.Where(n => n.Generated is null && old.FindColumn(n.Name) is { Generated: null }).Select(n => Sql.Quote(n.Name)).ToList();
            if (copied.Count > 0)
            {
                var overriding = @new.Columns.Any(n => n.Identity == IdentityKind.Always && old.FindColumn(n.Name) is not null) ? " OVERRIDING SYSTEM VALUE" : "";
                var list = string.Join(", ", copied);
                Emit("INSERT INTO " + @new.Name.Sql + " (" + list + ")" + overriding + " SELECT " + list + " FROM " + away.Sql);
            }

            foreach (var column in @new.Columns.Where(n => n.Identity != IdentityKind.None))
            {
                Emit("SELECT setval(pg_get_serial_sequence(" + Sql.Literal(@new.Name.Sql) + ", " + Sql.Literal(column.Name) + "), coalesce(max("
                    + Sql.Quote(column.Name) + "), 0) + 1, false) FROM " + @new.Name.Sql);
            }

            Emit("DROP TABLE " + away.Sql);
            foreach (var partition in partitions)
            {
                Emit(AlterTableSql(@new.Name) + " ATTACH PARTITION " + partition.Name.Sql + " " + (partition.PartitionBound ?? "DEFAULT"));
            }

            foreach (var sequence in owned)
            {
                var desired = toModel.Sequences.FirstOrDefault(s => s.Name == sequence.Name);
                if (desired is { OwnedByTable: not null, OwnedByColumn: not null } && desired.OwnedByTable == @new.Name)
                {
                    Emit("ALTER SEQUENCE " + desired.Name.Sql + " OWNED BY " + desired.OwnedByTable.Member(desired.OwnedByColumn));
                }
            }

            foreach (var comment in toModel.Comments.Where(k => IsCommentOn(k.Target, @new.Name)))
            {
                Emit("COMMENT ON " + comment.Target + " IS " + Sql.Literal(comment.Text));
            }

            // Incoming foreign keys the differ leaves alone (unchanged) are added back; changed ones are its job.
            foreach (var (table, constraint) in incoming)
            {
                var desired = toModel.FindTable(table)?.Constraints.FirstOrDefault(k => k.Name == constraint.Name);
                if (desired is not null && desired == constraint)
                {
                    Emit(AddConstraint(table, desired));
                }
            }
        }

        private static bool IsCommentOn(string target, QualifiedName table) =>
            target == "TABLE " + table.Sql
            || target.StartsWith("COLUMN " + table.Sql + ".", StringComparison.Ordinal)
            || (!target.StartsWith("TABLE ", StringComparison.Ordinal) && !target.StartsWith("COLUMN ", StringComparison.Ordinal)
                && target.EndsWith(" on " + table.Sql, StringComparison.Ordinal));

        /// <summary>A free name in the same schema for an object moved out of the way (63-byte safe).</summary>
        private static QualifiedName AwayName(QualifiedName name) => name with { Name = Sql.ShortName(name.Name + "__old") };

        // ---- columns -----------------------------------------------------------------------------------------

        /// <summary>
        /// One statement per sub-change, in the order PostgreSQL accepts them: what must go first (expression,
        /// identity, default) is dropped first, then the type, NOT NULL, identity and default are set.
        /// </summary>
        private void AlterColumn(QualifiedName tableName, Column old, Column @new, ColumnChange changed)
        {
            var table = AlterTableSql(tableName);
            var column = " ALTER COLUMN " + Sql.Quote(@new.Name);
            if (changed.HasFlag(ColumnChange.Generated) && @new.Generated is not null)
            {
                // Only a new column can be generated: drop it and add it back with its expression.
                Emit(table + " DROP COLUMN " + Sql.Quote(old.Name));
                Emit(table + " ADD COLUMN " + ColumnDefinition(@new, inheritedGenerated: false));
                return;
            }

            if (changed.HasFlag(ColumnChange.Generated))
            {
                Emit(table + column + " DROP EXPRESSION");
            }

            if (changed.HasFlag(ColumnChange.Identity) && old.Identity != IdentityKind.None && @new.Identity == IdentityKind.None)
            {
                Emit(table + column + " DROP IDENTITY");
            }

            var typeChanges = (changed & (ColumnChange.Type | ColumnChange.Collation)) != 0;

            // A default names the old type (enums) or may not cast: drop it around a type change.
            var resetDefault = old.Default is not null && (changed.HasFlag(ColumnChange.Default) || (typeChanges && changed.HasFlag(ColumnChange.Type)));
            if (resetDefault)
            {
                Emit("ALTER TABLE ONLY " + tableName.Sql + column + " DROP DEFAULT");
            }

            if (typeChanges && changed.HasFlag(ColumnChange.Type) && Recipes.ColumnConversion.IsTimeZoneChange(old.Type, @new.Type))
            {
                // timestamp ↔ timestamptz reads the values in the session's TimeZone: pinned, so the result does not
                // depend on who runs the file (and with UTC, PostgreSQL 12+ skips the rewrite).
                Emit("SET LOCAL TimeZone = " + Sql.Literal(Recipes.ColumnConversion.DefaultTimeZone));
            }

            if (typeChanges)
            {
                var sql = table + column + " TYPE " + @new.Type;
                if (@new.Collation is not null)
                {
                    sql += " COLLATE " + @new.Collation;
                }

                if (changed.HasFlag(ColumnChange.Type))
                {
                    sql += " USING " + Sql.Quote(@new.Name) + CastThroughText(old, @new) + "::" + @new.Type;
                }

                Emit(sql);
            }

            if (changed.HasFlag(ColumnChange.Nullability) && @new.NotNull)
            {
                Emit(table + column + " SET NOT NULL");
            }

            if (changed.HasFlag(ColumnChange.Identity) && @new.Identity != IdentityKind.None)
            {
                var kind = @new.Identity == IdentityKind.Always ? "ALWAYS" : "BY DEFAULT";
                Emit(table + column + (old.Identity == IdentityKind.None ? " ADD GENERATED " + kind + " AS IDENTITY" : " SET GENERATED " + kind));
            }

            if (@new.Default is not null && (resetDefault || changed.HasFlag(ColumnChange.Default)))
            {
                Emit("ALTER TABLE ONLY " + tableName.Sql + column + " SET DEFAULT " + @new.Default);
            }

            if (changed.HasFlag(ColumnChange.Nullability) && !@new.NotNull)
            {
                Emit(table + column + " DROP NOT NULL");
            }
        }

        /// <summary>
        /// An enum is reached only from text (there is no cast from another enum or from integers): go through
        /// text when the new type is an enum and the old one is not already text.
        /// </summary>
        private string CastThroughText(Column old, Column @new)
        {
            var isEnum = from?.FindEnum(@new.TypeName) is not null || to?.FindEnum(@new.TypeName) is not null;
            if (!isEnum || old.Type is "text" or "text[]")
            {
                return "";
            }

            return old.Type.EndsWith("[]", StringComparison.Ordinal) ? "::text[]" : "::text";
        }

        private void RenameColumn(RenameColumn c)
        {
            Emit(AlterTableSql(c.TableName) + " RENAME COLUMN " + Sql.Quote(c.Old.Name) + " TO " + Sql.Quote(c.New.Name));
            var renamed = c.Old with { Name = c.New.Name };
            var changed = TableDiffer.CompareColumns(renamed, c.New);
            if (changed != ColumnChange.None)
            {
                AlterColumn(c.TableName, renamed, c.New, changed);
            }

            foreach (var statement in RenameFollowers.Statements(c.TableName, c.Followers))
            {
                Emit(statement);
            }
        }

        /// <summary>
        /// A plain drop recurses to inheritance children; when the target keeps the column in a child, drop it
        /// from the parent ONLY, so the child's copy stays (as its own).
        /// </summary>
        private void DropColumn(DropColumn c)
        {
            var childKeepsIt = to is not null && to.Tables.Any(t => t.Inherits.Contains(c.TableName) && t.FindColumn(c.Column.Name) is not null);
            Emit((childKeepsIt ? "ALTER TABLE ONLY " + c.TableName.Sql : AlterTableSql(c.TableName)) + " DROP COLUMN " + Sql.Quote(c.Column.Name));
        }

        // ---- constraints, indexes, views, triggers, policies -------------------------------------------------

        private static string AddConstraint(QualifiedName table, Constraint constraint) =>
            AlterTableSql(table) + " ADD CONSTRAINT " + Sql.Quote(constraint.Name) + " " + constraint.Definition + (constraint.Validated ? "" : " NOT VALID");

        /// <summary>
        /// <c>pg_get_indexdef</c> says <c>ON ONLY</c> for a partitioned table's index; a valid one is created
        /// the ordinary way, so the partitions get theirs.
        /// </summary>
        private static string CreateIndex(Model.Index index) =>
            index.Valid ? ReplaceFirst(index.Definition, " ON ONLY ", " ON ") : index.Definition;

        private static string ReplaceFirst(string text, string what, string with)
        {
            var at = text.IndexOf(what, StringComparison.Ordinal);
            return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
        }

        private static string CreateView(View view, bool orReplace) =>
            (orReplace ? "CREATE OR REPLACE " : "CREATE ")
            + (view.Kind == ViewKind.Materialized ? "MATERIALIZED VIEW " : "VIEW ")
            + view.Name.Sql + " AS\n" + Trim(view.Definition);

        private void CreateTrigger(QualifiedName table, Trigger trigger)
        {
            Emit(Trim(trigger.Definition));
            var state = trigger.Enabled switch
            {
                "D" => " DISABLE TRIGGER ",
                "R" => " ENABLE REPLICA TRIGGER ",
                "A" => " ENABLE ALWAYS TRIGGER ",
                _ => null,
            };
            if (state is not null)
            {
                Emit(AlterTableSql(table) + state + Sql.Quote(trigger.Name));
            }
        }

        private static string CreatePolicy(QualifiedName table, Policy policy)
        {
            var sql = new StringBuilder("CREATE POLICY ").Append(Sql.Quote(policy.Name)).Append(" ON ").Append(table.Sql);
            if (!policy.Permissive)
            {
                sql.Append(" AS RESTRICTIVE");
            }

            sql.Append(" FOR ").Append(policy.Command).Append(" TO ").Append(Roles(policy.Roles));
            if (policy.Using is not null)
            {
                sql.Append(" USING (").Append(policy.Using).Append(')');
            }

            if (policy.WithCheck is not null)
            {
                sql.Append(" WITH CHECK (").Append(policy.WithCheck).Append(')');
            }

            return sql.ToString();
        }

        private static string Roles(EquatableArray<string> roles) =>
            roles.IsEmpty ? "PUBLIC" : string.Join(", ", roles.Select(r => r == "public" ? "PUBLIC" : r));

        /// <summary>ALTER POLICY can set roles and expressions but not remove an expression: that is a re-create.</summary>
        private void AlterPolicy(AlterPolicy c)
        {
            var (old, @new) = (c.Old, c.New);
            if ((old.Using is not null && @new.Using is null) || (old.WithCheck is not null && @new.WithCheck is null))
            {
                Emit("DROP POLICY " + Sql.Quote(old.Name) + " ON " + c.TableName.Sql);
                Emit(CreatePolicy(c.TableName, @new));
                return;
            }

            var sql = new StringBuilder("ALTER POLICY ").Append(Sql.Quote(@new.Name)).Append(" ON ").Append(c.TableName.Sql);
            if (old.Roles != @new.Roles)
            {
                sql.Append(" TO ").Append(Roles(@new.Roles));
            }

            if (old.Using != @new.Using && @new.Using is not null)
            {
                sql.Append(" USING (").Append(@new.Using).Append(')');
            }

            if (old.WithCheck != @new.WithCheck && @new.WithCheck is not null)
            {
                sql.Append(" WITH CHECK (").Append(@new.WithCheck).Append(')');
            }

            Emit(sql.ToString());
        }

        // ---- privileges --------------------------------------------------------------------------------------

        /// <summary>
        /// Entries are <c>role:PRIVILEGE</c> (<c>*</c>: with grant option); the role is already in SQL form
        /// (<c>regrole</c> output, or <c>PUBLIC</c>). Revokes first, then grants.
        /// </summary>
        private void ChangePrivileges(string objectType, string name, EquatableArray<string> old, EquatableArray<string> @new)
        {
            var target = " ON " + objectType + " " + name;
            foreach (var entry in old.Where(e => !@new.Contains(e)))
            {
                var (role, privilege, grantable) = ParsePrivilege(entry);
                var keepsPlain = grantable && @new.Contains(role + ":" + privilege);
                Emit((keepsPlain ? "REVOKE GRANT OPTION FOR " : "REVOKE ") + privilege + target + " FROM " + role);
            }

            foreach (var entry in @new.Where(e => !old.Contains(e)))
            {
                var (role, privilege, grantable) = ParsePrivilege(entry);
                if (!grantable && old.Contains(entry + "*"))
                {
                    continue; // only the grant option went, revoked above
                }

                Emit("GRANT " + privilege + target + " TO " + role + (grantable ? " WITH GRANT OPTION" : ""));
            }
        }

        private static (string Role, string Privilege, bool Grantable) ParsePrivilege(string entry)
        {
            var grantable = entry.EndsWith('*');
            var text = grantable ? entry[..^1] : entry;
            var at = text.LastIndexOf(':');
            if (at <= 0)
            {
                throw new FormatException("privilege entry '" + entry + "' is not role:PRIVILEGE");
            }

            return (text[..at], text[(at + 1)..], grantable);
        }
    }
}
