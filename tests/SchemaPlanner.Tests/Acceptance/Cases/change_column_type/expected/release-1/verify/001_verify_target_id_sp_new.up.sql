-- SchemaPlanner: release 1, verify, up: verify public.events: target_id_sp_new = target_id::bigint
-- Serves: alter column public.events.target_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.events.target_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.events.target_id from integer to bigint rewrites public.events and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.events WHERE target_id_sp_new IS DISTINCT FROM (target_id::bigint);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.events WHERE target_id_sp_new IS DISTINCT FROM (target_id::bigint) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.events have target_id_sp_new different from target_id::bigint (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.events: all checks passed';
END
$verify$;
