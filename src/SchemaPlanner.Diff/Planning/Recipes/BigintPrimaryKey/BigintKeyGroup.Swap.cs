using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>The swap's transaction, both ways: locks, constraint moves, renames, sequence or identity moves.</summary>
internal sealed partial class BigintKeyGroup
{
    private (QualifiedName Table, BigintShadow Column) First => (ShadowedTables.First(), Columns[ShadowedTables.First()][0]);

    public SwapTablesData SwapUp()
    {
        var statements = new List<string>();
        statements.AddRange(ViewsDown.AsEnumerable().Reverse().Select(DependentViews.DropStatement));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Old.Name)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Old.Name)));
        statements.AddRange(Keys.Select(k => DropConstraint(k.Table, k.Old.Name)));
        foreach (var c in All)
        {
            var t = c.Table.Sql;
            if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
            {
                statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} DROP DEFAULT");
            }

            statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Old.Name)} TO {Sql.Quote(c.Retired)}");
            statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Shadow)} TO {Sql.Quote(c.Old.Name)}");
            if (c.Old.Identity != IdentityKind.None)
            {
                statements.Add(MoveIdentity(c.Table, c.Retired, c.Old.Name, c.Desired.Identity));
            }
            else if (c.Old.NotNull)
            {
                statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Retired)} DROP NOT NULL");
            }

            if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
            {
                statements.AddRange(context.Ddl.Statements(new AlterSequence(oldSequence, desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }), context.From, context.To));
                statements.Add($"ALTER SEQUENCE {desiredSequence.Name.Sql} OWNED BY {c.Table.Member(c.Old.Name)}");
            }

            if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
            {
                statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} SET DEFAULT {c.Desired.Default}");
            }
        }

        foreach (var index in Indexes)
        {
            statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Old.Name).Sql} RENAME TO {Sql.Quote(index.Retired)}");
            statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Copy).Sql} RENAME TO {Sql.Quote(index.Desired.Name)}");
        }

        statements.AddRange(Keys.Where(k => k.Desired is not null).Select(k => AddUsingIndex(k.Table, k.Desired!, k.Copy)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Desired!)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Desired!)));
        statements.AddRange(ViewsUp.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.From, context.To)));

        var (table, column) = First;
        return new SwapTablesData(
            $"NOT {RecipeSteps.ColumnExists(table, column.Shadow)}",
            $"nothing to swap: {table}.{column.Shadow} is gone (the swap already ran)",
            [.. LockOrder.Select(Lock)],
            [.. ShadowedTables.Select(t => Sync(t)).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
            statements,
            [.. ShadowedTables.Select(Keep)]);
    }

    public SwapTablesData SwapDown()
    {
        var statements = new List<string>();
        statements.AddRange(ViewsUp.AsEnumerable().Reverse().Select(DependentViews.DropStatement));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.ForeignKey).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
        statements.AddRange(Constraints.Where(c => c.Desired is not null && c.Old.Kind == ConstraintKind.Check).Select(c => DropConstraint(c.Table, c.Desired!.Name)));
        statements.AddRange(Keys.Where(k => k.Desired is not null).Select(k => DropConstraint(k.Table, k.Desired!.Name)));
        foreach (var c in All)
        {
            var t = c.Table.Sql;
            if (c.Desired.Identity == IdentityKind.None && c.Desired.Default is not null)
            {
                statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} DROP DEFAULT");
            }

            statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Old.Name)} TO {Sql.Quote(c.Shadow)}");
            statements.Add($"ALTER TABLE {t} RENAME COLUMN {Sql.Quote(c.Retired)} TO {Sql.Quote(c.Old.Name)}");
            if (c.Old.NotNull)
            {
                statements.AddRange(RollbackSteps.RestoreNotNull(c.Table, c.Old.Name, c.Retired));
            }

            if (c.Old.Identity != IdentityKind.None)
            {
                statements.Add(MoveIdentity(c.Table, c.Shadow, c.Old.Name, c.Old.Identity));
            }

            if (c.OldSequence is { } oldSequence && c.DesiredSequence is { } desiredSequence)
            {
                statements.AddRange(context.Ddl.Statements(new AlterSequence(desiredSequence with { OwnedByTable = oldSequence.OwnedByTable, OwnedByColumn = oldSequence.OwnedByColumn }, oldSequence), context.To, context.From));
                statements.Add($"ALTER SEQUENCE {oldSequence.Name.Sql} OWNED BY {c.Table.Member(c.Old.Name)}");
            }

            if (c.Old.Identity == IdentityKind.None && c.Old.Default is not null)
            {
                statements.Add($"ALTER TABLE {t} ALTER COLUMN {Sql.Quote(c.Old.Name)} SET DEFAULT {c.Old.Default}");
            }
        }

        foreach (var index in Indexes)
        {
            statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Desired.Name).Sql} RENAME TO {Sql.Quote(index.Copy)}");
            statements.Add($"ALTER INDEX {new QualifiedName(index.Table.Schema, index.Retired).Sql} RENAME TO {Sql.Quote(index.Old.Name)}");
        }

        statements.AddRange(Keys.Select(k => AddUsingIndex(k.Table, k.Old, k.RollbackCopy)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.Check).Select(c => AddNotValid(c.Table, c.Old)));
        statements.AddRange(Constraints.Where(c => c.Old.Kind == ConstraintKind.ForeignKey).Select(c => AddNotValid(c.Table, c.Old)));
        statements.AddRange(ViewsDown.SelectMany(v => context.Ddl.Statements(new CreateView(v), context.To, context.From)));

        var (table, column) = First;
        return new SwapTablesData(
            $"NOT {RecipeSteps.ColumnExists(table, column.Retired)}",
            $"nothing to undo: {table}.{column.Retired} is gone (the swap was undone already)",
            [.. LockOrder.Select(Lock)],
            [.. ShadowedTables.Select(Keep).Select(s => new DropSyncTriggerData(s.Table, s.Function, s.Trigger))],
            statements,
            [.. ShadowedTables.Select(Sync)]);
    }

    private static string Lock(QualifiedName table) => $"LOCK TABLE {table.Sql} IN ACCESS EXCLUSIVE MODE";

    private static string DropConstraint(QualifiedName table, string name) => $"ALTER TABLE {table.Sql} DROP CONSTRAINT IF EXISTS {Sql.Quote(name)}";

    private static string AddNotValid(QualifiedName table, Constraint constraint) =>
        $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(constraint.Name)} {constraint.Definition} NOT VALID";

    private static string AddUsingIndex(QualifiedName table, Constraint constraint, string index)
    {
        var kind = constraint.Kind == ConstraintKind.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
        var deferrable = constraint.Deferrable ? (constraint.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "";
        return $"ALTER TABLE {table.Sql} ADD CONSTRAINT {Sql.Quote(constraint.Name)} {kind} USING INDEX {Sql.Quote(index)}{deferrable}";
    }

    /// <summary>
    /// Moves an identity from one column to another, keeping its sequence's name, position, increment, cache
    /// and cycle (the sequence takes the new column's type). The source column loses identity and NOT NULL.
    /// </summary>
    private static string MoveIdentity(QualifiedName table, string from, string to, IdentityKind kind)
    {
        var generated = kind == IdentityKind.Always ? "ALWAYS" : "BY DEFAULT";
        return $"""
            DO $identity$
            DECLARE
                sp_sequence regclass := pg_catalog.pg_get_serial_sequence({Sql.Literal(table.Sql)}, {Sql.Literal(from)});
                sp_schema name;
                sp_name name;
                sp_last bigint;
                sp_called boolean;
                sp_increment bigint;
                sp_cache bigint;
                sp_cycle boolean;
            BEGIN
                SELECT n.nspname, c.relname, s.seqincrement, s.seqcache, s.seqcycle
                  INTO sp_schema, sp_name, sp_increment, sp_cache, sp_cycle
                  FROM pg_catalog.pg_class c
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
                 WHERE c.oid = sp_sequence;
                EXECUTE format('SELECT last_value, is_called FROM %s', sp_sequence) INTO sp_last, sp_called;
                ALTER TABLE {table.Sql} ALTER COLUMN {Sql.Quote(from)} DROP IDENTITY;
                ALTER TABLE {table.Sql} ALTER COLUMN {Sql.Quote(from)} DROP NOT NULL;
                EXECUTE format('ALTER TABLE {table.Sql.Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal)} ALTER COLUMN {Sql.Quote(to).Replace("'", "''", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal)} ADD GENERATED {generated} AS IDENTITY (SEQUENCE NAME %I.%I INCREMENT BY %s CACHE %s %s)',
                               sp_schema, sp_name, sp_increment, sp_cache, CASE WHEN sp_cycle THEN 'CYCLE' ELSE 'NO CYCLE' END);
                PERFORM pg_catalog.setval(format('%I.%I', sp_schema, sp_name), sp_last, sp_called);
            END
            $identity$
            """;
    }
}
