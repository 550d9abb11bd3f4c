-- SchemaPlanner: release 1, post-deploy, up: SET NOT NULL on public."Order Items".Weird "Col" (uses the validated check, no scan) and drop the check
-- Serves: alter column public."Order Items"."Weird ""Col""": set not null
-- Hazard SP2008 (BreaksRunningApp): SET NOT NULL on public."Order Items"."Weird ""Col""" makes writes of NULL by the running application fail (and fails itself if a row holds NULL)
-- Hazard SP2008 (Scan): SET NOT NULL on public."Order Items"."Weird ""Col""" scans public."Order Items" under an ACCESS EXCLUSIVE lock; a validated CHECK (… IS NOT NULL) lets it skip the scan
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: the CHECK (Weird "Col" IS NOT NULL) validated in the previous step lets PostgreSQL 12+ skip the scan
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
ALTER TABLE public."Order Items" ALTER COLUMN "Weird ""Col""" SET NOT NULL;
ALTER TABLE public."Order Items" DROP CONSTRAINT IF EXISTS "Order Items_Weird ""Col""_not_null_sp";

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
