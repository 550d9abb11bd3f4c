-- SchemaPlanner: release 1, verify, up: verify public.projects: slug = path
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.projects WHERE slug IS DISTINCT FROM (path);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.projects WHERE slug IS DISTINCT FROM (path) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.projects have slug different from path (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.projects: all checks passed';
END
$verify$;
