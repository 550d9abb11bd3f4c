-- SchemaPlanner: release 1, verify, up: verify public.events: body = payload
-- Serves: rename column public.events.payload to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.events.payload to body breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.events WHERE body IS DISTINCT FROM (payload);
    IF bad > 0 THEN
        RAISE EXCEPTION 'verify failed: % row(s) of public.events have body different from payload (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.events: all checks passed';
END
$verify$;
