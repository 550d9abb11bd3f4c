CREATE SCHEMA schemaplan_ddl_log;
-- One row per reported command, with what first-seen-wins needs of that moment (ddl_log_read resolves the rest
-- once, at the end): for a table, view or composite type, its highest column number so far; for a table or a
-- domain, the oids of its constraints so far. Unlogged: the log is read once and dropped, and WAL for every row
-- was a third of the trigger's time.
CREATE UNLOGGED TABLE schemaplan_ddl_log.commands (statement int NOT NULL, classid oid, objid oid, objsubid int,
    command_tag text, relation oid, max_attnum int2, constraints oid[]);
-- One INSERT per event, no EXCEPTION block: a block is a subtransaction per event, and its cost grows with
-- everything the user's transaction has made. What could fail here is our own table only, never the user's objects.
CREATE FUNCTION schemaplan_ddl_log.record() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $record$
DECLARE
    -- A batched statement's text starts with {{mark}}N*/ (DdlEventLog.MarkedText); one run alone is marked by
    -- the setting.
    query text := current_query();
    statement int := CASE WHEN left(query, length({{mark}})) = {{mark}}
                          THEN split_part(substr(query, length({{mark}}) + 1, 12), '*', 1)::int
                          ELSE nullif(current_setting('schemaplan.statement', true), '')::int END;
BEGIN
    IF statement IS NULL THEN
        RETURN;
    END IF;
    -- Subqueries per command, so every catalog lookup is an index probe: a join of the whole command list
    -- with pg_class or pg_constraint scans them, and that grows with the schema.
    INSERT INTO schemaplan_ddl_log.commands
    SELECT statement, c.classid, c.objid, c.objsubid, c.command_tag,
           r.relation,
           (SELECT max(a.attnum) FROM pg_attribute a WHERE a.attrelid = r.relation),
           CASE c.classid
               WHEN 'pg_class'::regclass THEN ARRAY(SELECT k.oid FROM pg_constraint k WHERE k.conrelid = c.objid)
               WHEN 'pg_type'::regclass THEN ARRAY(SELECT k.oid FROM pg_constraint k WHERE k.contypid = c.objid)
           END
    FROM pg_event_trigger_ddl_commands() c
    CROSS JOIN LATERAL (SELECT CASE c.classid
        WHEN 'pg_class'::regclass THEN c.objid
        WHEN 'pg_type'::regclass THEN (SELECT t.typrelid FROM pg_type t WHERE t.oid = c.objid)
    END AS relation) r
    WHERE NOT c.in_extension;
END
$record$;
CREATE EVENT TRIGGER schemaplan_ddl_log ON ddl_command_end EXECUTE PROCEDURE schemaplan_ddl_log.record();
