-- SchemaPlanner: release 1, post-deploy, down: add CHECK (number IS NOT NULL) NOT VALID on public.orders
-- Serves: add column public.orders.number bigint not null
-- Hazard SP2002 (Rewrite): adding an identity column (public.orders.number) rewrites public.orders under an ACCESS EXCLUSIVE lock
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
ALTER TABLE public.orders DROP CONSTRAINT IF EXISTS orders_number_not_null_sp;

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
