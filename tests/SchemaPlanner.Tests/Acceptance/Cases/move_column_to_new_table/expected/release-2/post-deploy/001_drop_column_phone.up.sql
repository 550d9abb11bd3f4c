-- SchemaPlanner: release 2, post-deploy, up: drop column public.users.phone (no app version uses it any more)
-- Serves: drop column public.users.phone
-- Hazard SP2003 (BreaksRunningApp): dropping column public.users.phone breaks the application version that still reads or writes it
-- Hazard SP2003 (DataLoss): dropping column public.users.phone deletes its values in public.users
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: release 1 stopped using the column; dropping it is the planned contract step
-- squawk-ignore-file ban-drop-column
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03) with growing pauses instead of queueing behind other locks.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    LOOP
        BEGIN
ALTER TABLE public.users DROP COLUMN IF EXISTS phone;

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
