-- SchemaPlanner: release 1, verify, up: verify public.issues: project_id_sp_new = project_id::bigint
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.issues WHERE project_id_sp_new IS DISTINCT FROM (project_id::bigint);
    IF bad > 0 THEN
        RAISE EXCEPTION 'verify failed: % row(s) of public.issues have project_id_sp_new different from project_id::bigint (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.issues: all checks passed';
END
$verify$;
