using System.Globalization;
using Npgsql;
using SchemaPlanner.Model;
using SchemaPlanner.Sources.Scripts;

namespace SchemaPlanner.Sources;

/// <summary>
/// Records, on a scratch database, which desired-DDL statement made each object: an event trigger at
/// <c>ddl_command_end</c> logs <c>pg_event_trigger_ddl_commands()</c> (indexes behind constraints and the
/// sequences of serial and identity columns included, under PostgreSQL's own names) with the index of the
/// running statement, read from the <c>schemaplan.statement</c> setting, and notes the columns and constraints
/// of each table it touches the first time they are seen. Event triggers need a superuser; without one
/// <see cref="TryInstallAsync"/> installs nothing. <see cref="ReadAndRemoveAsync"/> drops the trigger, its
/// function and its log before the schema is read back, so introspection never sees them.
/// </summary>
internal static class DdlEventLog
{
    public const string NotSuperuserWarning =
        "the scratch database user is not a superuser, so no event trigger can record which statement made each " +
        "object: source locations point at the CREATE statement of an object's name only (columns and constraints at their table)";

    private const string Schema = "schemaplan_ddl_log";

    private const string Install = $$"""
        CREATE SCHEMA {{Schema}};
        CREATE TABLE {{Schema}}.commands (statement int NOT NULL, classid oid, objid oid, objsubid int, command_tag text,
            object_type text, schema_name text, object_identity text);
        CREATE TABLE {{Schema}}.members (statement int NOT NULL, classid oid NOT NULL, objid oid NOT NULL, objsubid int NOT NULL,
            PRIMARY KEY (classid, objid, objsubid));
        CREATE FUNCTION {{Schema}}.record() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog AS $record$
        DECLARE
            statement int := nullif(current_setting('schemaplan.statement', true), '')::int;
            c record;
            relation oid;
        BEGIN
            IF statement IS NULL THEN
                RETURN;
            END IF;
            -- One command at a time, so every catalog lookup below is an index probe: a join of the whole
            -- command list with pg_class or pg_constraint scans them, and that grows with the schema.
            FOR c IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE NOT in_extension LOOP
                INSERT INTO {{Schema}}.commands
                VALUES (statement, c.classid, c.objid, c.objsubid, c.command_tag, c.object_type, c.schema_name, c.object_identity);
                relation := CASE c.classid
                    WHEN 'pg_class'::regclass THEN c.objid
                    WHEN 'pg_type'::regclass THEN (SELECT t.typrelid FROM pg_type t WHERE t.oid = c.objid)
                END;
                -- First seen wins: a column or constraint belongs to the statement that made it, not to later ALTERs.
                IF EXISTS (SELECT FROM pg_class r WHERE r.oid = relation AND r.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')) THEN
                    INSERT INTO {{Schema}}.members
                    SELECT statement, 'pg_class'::regclass, a.attrelid, a.attnum
                    FROM pg_attribute a
                    WHERE a.attrelid = relation AND a.attnum > 0 AND NOT a.attisdropped
                    ON CONFLICT DO NOTHING;
                END IF;
                IF c.classid = 'pg_class'::regclass THEN
                    INSERT INTO {{Schema}}.members
                    SELECT statement, 'pg_constraint'::regclass, k.oid, 0 FROM pg_constraint k WHERE k.conrelid = c.objid
                    ON CONFLICT DO NOTHING;
                ELSIF c.classid = 'pg_type'::regclass THEN
                    INSERT INTO {{Schema}}.members
                    SELECT statement, 'pg_constraint'::regclass, k.oid, 0 FROM pg_constraint k WHERE k.contypid = c.objid
                    ON CONFLICT DO NOTHING;
                END IF;
            END LOOP;
        EXCEPTION WHEN OTHERS THEN
            -- A location is never worth failing the user's DDL for.
            RETURN;
        END
        $record$;
        CREATE EVENT TRIGGER {{Schema}} ON ddl_command_end EXECUTE PROCEDURE {{Schema}}.record();
        """;

    /// <summary>The desired DDL may have switched roles; the log belongs to the connecting superuser.</summary>
    private const string Stop = """
        RESET SESSION AUTHORIZATION;
        RESET ROLE;
        SELECT set_config('schemaplan.statement', '', false);
        """;

    private const string Remove = $"""
        DROP EVENT TRIGGER IF EXISTS {Schema};
        DROP SCHEMA IF EXISTS {Schema} CASCADE;
        """;

    /// <summary>
    /// Each logged object that still exists, with its first statement (comments: their first COMMENT statement),
    /// as statement, kind, schema, name, owner schema, owner name, detail, columns (see <see cref="CreatedObject"/>).
    /// </summary>
    private const string Read = $$"""
        WITH made AS (
            SELECT DISTINCT ON (classid, objid, objsubid) statement, classid, objid, objsubid
            FROM {{Schema}}.commands
            WHERE objid IS NOT NULL AND command_tag NOT IN ('COMMENT', 'GRANT', 'REVOKE', 'SECURITY LABEL')
            ORDER BY classid, objid, objsubid, statement
        ), commented AS (
            SELECT DISTINCT ON (classid, objid, objsubid) statement, classid, objid, objsubid
            FROM {{Schema}}.commands
            WHERE objid IS NOT NULL AND command_tag = 'COMMENT'
            ORDER BY classid, objid, objsubid, statement
        )
        SELECT m.statement, 'relation', n.nspname::text, c.relname::text, o.owner_schema, o.owner_name, c.relkind::text,
               coalesce(o.columns, '{}')
        FROM made m
        JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid AND m.objsubid = 0
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT tn.nspname::text AS owner_schema, t.relname::text AS owner_name, ARRAY[k.conname::text] AS columns
            FROM pg_constraint k
            JOIN pg_class t ON t.oid = k.conrelid
            JOIN pg_namespace tn ON tn.oid = t.relnamespace
            WHERE k.conindid = c.oid AND k.contype IN ('p', 'u', 'x') AND c.relkind IN ('i', 'I')
            UNION ALL
            SELECT tn.nspname::text, t.relname::text, ARRAY[a.attname::text]
            FROM pg_depend d
            JOIN pg_class t ON t.oid = d.refobjid
            JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
              AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 AND c.relkind = 'S'
            LIMIT 1
        ) o ON true
        UNION ALL
        SELECT m.statement, 'type', n.nspname::text, t.typname::text, NULL, NULL, t.typtype::text, '{}'
        FROM made m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
        JOIN pg_namespace n ON n.oid = t.typnamespace
        UNION ALL
        SELECT m.statement, 'function', n.nspname::text, p.proname::text, NULL, NULL, NULL, '{}'
        FROM made m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
        JOIN pg_namespace n ON n.oid = p.pronamespace
        UNION ALL
        SELECT m.statement, 'schema', s.nspname::text, s.nspname::text, NULL, NULL, NULL, '{}'
        FROM made m JOIN pg_namespace s ON m.classid = 'pg_namespace'::regclass AND s.oid = m.objid
        UNION ALL
        SELECT m.statement, 'extension', n.nspname::text, e.extname::text, NULL, NULL, NULL, '{}'
        FROM made m JOIN pg_extension e ON m.classid = 'pg_extension'::regclass AND e.oid = m.objid
        JOIN pg_namespace n ON n.oid = e.extnamespace
        UNION ALL
        SELECT m.statement, 'trigger', n.nspname::text, g.tgname::text, n.nspname::text, t.relname::text, NULL, '{}'
        FROM made m JOIN pg_trigger g ON m.classid = 'pg_trigger'::regclass AND g.oid = m.objid
        JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        UNION ALL
        SELECT m.statement, 'policy', n.nspname::text, p.polname::text, n.nspname::text, t.relname::text, NULL, '{}'
        FROM made m JOIN pg_policy p ON m.classid = 'pg_policy'::regclass AND p.oid = m.objid
        JOIN pg_class t ON t.oid = p.polrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        UNION ALL
        SELECT m.statement, 'column', n.nspname::text, a.attname::text, n.nspname::text, t.relname::text, NULL, '{}'
        FROM {{Schema}}.members m
        JOIN pg_attribute a ON m.classid = 'pg_class'::regclass AND a.attrelid = m.objid AND a.attnum = m.objsubid AND NOT a.attisdropped
        JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        UNION ALL
        SELECT m.statement, 'constraint', n.nspname::text, k.conname::text, n.nspname::text, coalesce(t.relname, d.typname)::text, k.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord)
        FROM {{Schema}}.members m
        JOIN pg_constraint k ON m.classid = 'pg_constraint'::regclass AND k.oid = m.objid
        LEFT JOIN pg_class t ON t.oid = k.conrelid
        LEFT JOIN pg_type d ON d.oid = k.contypid
        JOIN pg_namespace n ON n.oid = coalesce(t.relnamespace, d.typnamespace)
        UNION ALL
        -- ALTER TABLE ... ADD PRIMARY KEY does not report the index it builds: take it from the constraint.
        SELECT m.statement, 'relation', n.nspname::text, i.relname::text, n.nspname::text, t.relname::text, i.relkind::text,
               ARRAY[k.conname::text]
        FROM {{Schema}}.members m
        JOIN pg_constraint k ON m.classid = 'pg_constraint'::regclass AND k.oid = m.objid AND k.contype IN ('p', 'u', 'x')
        JOIN pg_class i ON i.oid = k.conindid
        JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        UNION ALL
        SELECT m.statement, 'comment', o.type, o.identity, NULL, NULL, NULL, '{}'
        FROM commented m CROSS JOIN LATERAL pg_identify_object(m.classid, m.objid, m.objsubid) o
        WHERE o.identity IS NOT NULL
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>Installs the event trigger when the user is a superuser; false (and nothing installed) otherwise.</summary>
    public static async Task<bool> TryInstallAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var check = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection))
        {
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return false;
            }
        }

        await using var install = new NpgsqlCommand(Install, connection);
        await install.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The command that tells the trigger the statement at <paramref name="index"/> runs next, for a batch.</summary>
    public static string MarkStatementSql(int index) =>
        "SELECT set_config('schemaplan.statement', '" + index.ToString(CultureInfo.InvariantCulture) + "', false)";

    /// <summary>Tells the trigger that the statement at <paramref name="index"/> runs next.</summary>
    public static async Task MarkStatementAsync(NpgsqlConnection connection, int index, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('schemaplan.statement', $1, false)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = index.ToString(CultureInfo.InvariantCulture) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One catalog read resolves the log to the objects that still exist, each with the first statement that
    /// made it; then the trigger, its function and its log are dropped.
    /// </summary>
    public static async Task<IReadOnlyList<CreatedObject>> ReadAndRemoveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var stop = new NpgsqlCommand(Stop, connection))
        {
            await stop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var objects = new List<CreatedObject>();
        await using (var read = new NpgsqlCommand(Read, connection))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var kind = Enum.Parse<CreatedObjectKind>(reader.GetString(1), ignoreCase: true);
                var schema = reader.GetString(2);
                var name = reader.GetString(3);
                if (kind == CreatedObjectKind.Comment)
                {
                    name = Introspection.ModelAssembler.CommentTarget(schema, name);
                }

                var owner = reader.IsDBNull(4) ? null : new QualifiedName(reader.GetString(4), reader.GetString(5));
                objects.Add(new CreatedObject(
                    reader.GetInt32(0),
                    kind,
                    schema,
                    name,
                    owner,
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetFieldValue<string[]>(7)));
            }
        }

        await using var remove = new NpgsqlCommand(Remove, connection);
        await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return objects;
    }
}
