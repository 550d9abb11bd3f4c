-- SchemaPlanner: release 2, post-deploy, up: drop the sync trigger schemaplan_sync_users_keep_user on public.users
-- Serves: drop column public.users."user"
-- Hazard SP2003 (BreaksRunningApp): dropping column public.users."user" breaks the application version that still reads or writes it
-- Hazard SP2003 (DataLoss): dropping column public.users."user" deletes its values in public.users
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03) with growing pauses instead of queueing behind other locks.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    LOOP
        BEGIN
DROP TRIGGER IF EXISTS schemaplan_sync_users_keep_user ON public.users;
DROP FUNCTION IF EXISTS public.schemaplan_sync_users_keep_user();

            EXIT;
        EXCEPTION WHEN lock_not_available THEN
            attempt := attempt + 1;
            IF attempt >= 10 THEN
                RAISE;
            END IF;
            RAISE NOTICE 'lock not available (attempt % of 10), retrying', attempt;
            PERFORM pg_sleep(least(0.5 * attempt, 5));
        END;
    END LOOP;
END
$retry$;
