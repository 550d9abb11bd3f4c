-- SchemaPlanner: release 1, post-deploy, down: SET NOT NULL on public.tags.label_upper (uses the validated check, no scan) and drop the check
-- Serves: add column public.tags.label_upper text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public.tags.label_upper without a default fails if public.tags has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public.tags.label_upper without a default makes the running application's inserts, which do not set it, fail
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
ALTER TABLE public.tags ALTER COLUMN label_upper DROP NOT NULL;
ALTER TABLE public.tags ADD CONSTRAINT tags_label_upper_not_null_sp CHECK (label_upper IS NOT NULL) NOT VALID;

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
