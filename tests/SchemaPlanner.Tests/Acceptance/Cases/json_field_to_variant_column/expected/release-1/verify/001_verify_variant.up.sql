-- SchemaPlanner: release 1, verify, up: verify public.articles: NOT EXISTS (SELECT 1 FROM public.articles WHERE variant IS NULL AND (payload ->> 'variant') IS NOT NULL)
-- Serves: add column public.articles.variant text
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.articles WHERE variant IS NULL AND (payload ->> 'variant') IS NOT NULL)) THEN
        RAISE EXCEPTION '%', 'public.articles.variant is not filled everywhere; re-run the backfill';
    END IF;
    RAISE NOTICE 'verify public.articles: all checks passed';
END
$verify$;
