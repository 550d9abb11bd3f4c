-- SchemaPlanner: release 1, verify, up: verify public.orders: NOT EXISTS (SELECT 1 FROM public.orders WHERE number IS NULL)
-- Serves: add column public.orders.number bigint not null
-- Hazard SP2002 (Rewrite): adding an identity column (public.orders.number) rewrites public.orders under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.orders WHERE number IS NULL)) THEN
        RAISE EXCEPTION '%', 'public.orders.number still has NULLs; re-run the backfill (or fix the rows where nextval(''public.orders_number_sp_seq''::regclass) is NULL)';
    END IF;
    RAISE NOTICE 'verify public.orders: all checks passed';
END
$verify$;
