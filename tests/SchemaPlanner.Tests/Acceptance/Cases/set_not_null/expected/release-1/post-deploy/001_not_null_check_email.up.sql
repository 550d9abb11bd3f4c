-- SchemaPlanner: release 1, post-deploy, up: add CHECK (email IS NOT NULL) NOT VALID on public.users
-- Serves: alter column public.users.email: set not null
-- Hazard SP2008 (BreaksRunningApp): SET NOT NULL on public.users.email makes writes of NULL by the running application fail (and fails itself if a row holds NULL)
-- Hazard SP2008 (Scan): SET NOT NULL on public.users.email scans public.users under an ACCESS EXCLUSIVE lock; a validated CHECK (… IS NOT NULL) lets it skip the scan
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
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
ALTER TABLE public.users DROP CONSTRAINT IF EXISTS users_email_not_null_sp;
ALTER TABLE public.users ADD CONSTRAINT users_email_not_null_sp CHECK (email IS NOT NULL) NOT VALID;

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
