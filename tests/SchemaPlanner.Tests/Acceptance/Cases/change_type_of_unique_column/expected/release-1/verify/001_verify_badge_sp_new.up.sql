-- SchemaPlanner: release 1, verify, up: verify public.members: badge_sp_new = badge::bigint
-- Serves: alter column public.members.badge: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.members.badge from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.members.badge from integer to bigint rewrites public.members and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.members WHERE badge_sp_new IS DISTINCT FROM (badge::bigint);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.members WHERE badge_sp_new IS DISTINCT FROM (badge::bigint) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.members have badge_sp_new different from badge::bigint (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.members: all checks passed';
END
$verify$;
