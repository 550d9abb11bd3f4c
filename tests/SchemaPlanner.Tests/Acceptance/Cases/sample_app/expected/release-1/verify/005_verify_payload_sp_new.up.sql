-- SchemaPlanner: release 1, verify, up: verify public.articles: payload_sp_new = payload::jsonb
-- Serves: alter column public.articles.payload: type text -> jsonb
-- Hazard SP2005 (BreaksRunningApp): changing public.articles.payload from text to jsonb breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.articles.payload from text to jsonb rewrites public.articles and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.articles WHERE payload_sp_new IS DISTINCT FROM (payload::jsonb);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.articles WHERE payload_sp_new IS DISTINCT FROM (payload::jsonb) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.articles have payload_sp_new different from payload::jsonb (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.articles: all checks passed';
END
$verify$;
