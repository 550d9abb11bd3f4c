CREATE SCHEMA schemaplan_ddl_log;
CREATE TABLE schemaplan_ddl_log.commands (statement int NOT NULL, classid oid, objid oid, objsubid int, command_tag text,
    object_type text, schema_name text, object_identity text);
CREATE TABLE schemaplan_ddl_log.members (statement int NOT NULL, classid oid NOT NULL, objid oid NOT NULL, objsubid int NOT NULL,
    PRIMARY KEY (classid, objid, objsubid));
CREATE FUNCTION schemaplan_ddl_log.record() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
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
        INSERT INTO schemaplan_ddl_log.commands
        VALUES (statement, c.classid, c.objid, c.objsubid, c.command_tag, c.object_type, c.schema_name, c.object_identity);
        relation := CASE c.classid
            WHEN 'pg_class'::regclass THEN c.objid
            WHEN 'pg_type'::regclass THEN (SELECT t.typrelid FROM pg_type t WHERE t.oid = c.objid)
        END;
        -- First seen wins: a column or constraint belongs to the statement that made it, not to later ALTERs.
        IF EXISTS (SELECT FROM pg_class r WHERE r.oid = relation AND r.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')) THEN
            INSERT INTO schemaplan_ddl_log.members
            SELECT statement, 'pg_class'::regclass, a.attrelid, a.attnum
            FROM pg_attribute a
            WHERE a.attrelid = relation AND a.attnum > 0 AND NOT a.attisdropped
            ON CONFLICT DO NOTHING;
        END IF;
        IF c.classid = 'pg_class'::regclass THEN
            INSERT INTO schemaplan_ddl_log.members
            SELECT statement, 'pg_constraint'::regclass, k.oid, 0 FROM pg_constraint k WHERE k.conrelid = c.objid
            ON CONFLICT DO NOTHING;
        ELSIF c.classid = 'pg_type'::regclass THEN
            INSERT INTO schemaplan_ddl_log.members
            SELECT statement, 'pg_constraint'::regclass, k.oid, 0 FROM pg_constraint k WHERE k.contypid = c.objid
            ON CONFLICT DO NOTHING;
        END IF;
    END LOOP;
EXCEPTION WHEN OTHERS THEN
    -- A location is never worth failing the user's DDL for.
    RETURN;
END
$record$;
CREATE EVENT TRIGGER schemaplan_ddl_log ON ddl_command_end EXECUTE PROCEDURE schemaplan_ddl_log.record();
