-- SchemaPlanner: release 1, verify, up: verify public.stock: qty_sp_new = qty::bigint
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.stock WHERE qty_sp_new IS DISTINCT FROM (qty::bigint);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.stock WHERE qty_sp_new IS DISTINCT FROM (qty::bigint) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.stock have qty_sp_new different from qty::bigint (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.stock: all checks passed';
END
$verify$;
