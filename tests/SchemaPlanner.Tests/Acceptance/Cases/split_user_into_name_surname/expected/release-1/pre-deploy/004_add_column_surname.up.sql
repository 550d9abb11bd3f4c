-- SchemaPlanner: release 1, pre-deploy, up: add public.users.surname as a nullable column
-- Serves: add column public.users.surname text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public.users.surname without a default fails if public.users has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public.users.surname without a default makes the running application's inserts, which do not set it, fail
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
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS surname text;

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
