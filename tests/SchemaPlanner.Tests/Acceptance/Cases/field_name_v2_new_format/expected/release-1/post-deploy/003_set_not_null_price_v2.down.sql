-- SchemaPlanner: release 1, post-deploy, down: SET NOT NULL on public.products.price_v2 (uses the validated check, no scan) and drop the check
-- Serves: rename column public.products.price to price_v2 (type integer -> numeric(12,2))
-- Hazard SP2004 (BreaksRunningApp): renaming column public.products.price to price_v2 breaks the application version that still uses the old name
-- Hazard SP2005 (BreaksRunningApp): changing public.products.price_v2 from integer to numeric(12,2) breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.products.price_v2 from integer to numeric(12,2) rewrites public.products and its indexes under an ACCESS EXCLUSIVE lock
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
ALTER TABLE public.products ALTER COLUMN price_v2 DROP NOT NULL;
ALTER TABLE public.products ADD CONSTRAINT products_price_v2_not_null_sp CHECK (price_v2 IS NOT NULL) NOT VALID;

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
