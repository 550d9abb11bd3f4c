-- SchemaPlanner: release 1, verify, up: verify public.products: price_v2 = price::numeric / 100
-- Serves: rename column public.products.price to price_v2 (type integer -> numeric(12,2))
-- Hazard SP2004 (BreaksRunningApp): renaming column public.products.price to price_v2 breaks the application version that still uses the old name
-- Hazard SP2005 (BreaksRunningApp): changing public.products.price_v2 from integer to numeric(12,2) breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.products.price_v2 from integer to numeric(12,2) rewrites public.products and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    -- Rows whose value does not fit the new type unchanged (the backfill and the sync trigger refuse them).
    SELECT count(*) INTO bad FROM public.products WHERE (price::numeric / 100) IS DISTINCT FROM (price::numeric / 100)::numeric(12,2);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.products WHERE (price::numeric / 100) IS DISTINCT FROM (price::numeric / 100)::numeric(12,2) ORDER BY id LIMIT 1;
        RAISE EXCEPTION USING ERRCODE = '22000',
            MESSAGE = format('verify failed: %s row(s) of %s have a %s (first key %s); change them, or give a using hint saying how to convert, and re-run the backfill', bad, 'public.products', 'value does not fit price_v2 (numeric(12,2)) unchanged', coalesce(example, '?'));
    END IF;
    SELECT count(*) INTO bad FROM public.products WHERE price_v2 IS DISTINCT FROM (price::numeric / 100);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.products WHERE price_v2 IS DISTINCT FROM (price::numeric / 100) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.products have price_v2 different from price::numeric / 100 (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.products: all checks passed';
END
$verify$;
