-- SchemaPlanner: release 1, verify, up: verify public.orders: NOT EXISTS (SELECT 1 FROM public.orders WHERE quantity IS NULL)
-- Serves: alter column public.orders.quantity: set not null
-- Hazard SP2008 (BreaksRunningApp): SET NOT NULL on public.orders.quantity makes writes of NULL by the running application fail (and fails itself if a row holds NULL)
-- Hazard SP2008 (Scan): SET NOT NULL on public.orders.quantity scans public.orders under an ACCESS EXCLUSIVE lock; a validated CHECK (… IS NOT NULL) lets it skip the scan
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.orders WHERE quantity IS NULL)) THEN
        RAISE EXCEPTION '%', 'public.orders.quantity still has NULLs; re-run the backfill (or fix the rows where coalesce(quantity, 0) is NULL)';
    END IF;
    RAISE NOTICE 'verify public.orders: all checks passed';
END
$verify$;
