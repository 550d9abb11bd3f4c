-- SchemaPlanner: release 1, post-deploy, up: SET NOT NULL on public.events.target_id_sp_new (uses the validated check, no scan) and drop the check
-- Serves: alter column public.events.target_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.events.target_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.events.target_id from integer to bigint rewrites public.events and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: the CHECK (target_id_sp_new IS NOT NULL) validated in the previous step lets PostgreSQL 12+ skip the scan
-- squawk-ignore-file adding-not-nullable-field
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03), or on a deadlock it lost (40P01), with growing pauses instead of
-- queueing behind other locks. Each wait stays under deadlock_timeout, so in a lock cycle with the application this
-- step gives up first: PostgreSQL's deadlock check, which may cancel either side, never cancels the application.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    IF current_setting('lock_timeout')::interval = interval '0'
       OR current_setting('lock_timeout')::interval >= current_setting('deadlock_timeout')::interval THEN
        PERFORM set_config('lock_timeout', (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 500)::bigint || 'ms', true);
    END IF;
    LOOP
        BEGIN
ALTER TABLE public.events ALTER COLUMN target_id_sp_new SET NOT NULL;
ALTER TABLE public.events DROP CONSTRAINT IF EXISTS events_target_id_sp_new_not_null_sp;

            EXIT;
        EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
            attempt := attempt + 1;
            IF attempt >= 10 THEN
                RAISE;
            END IF;
            RAISE NOTICE '% (attempt % of 10), retrying', SQLERRM, attempt;
            PERFORM pg_sleep(least(0.5 * attempt, 5));
        END;
    END LOOP;
END
$retry$;
