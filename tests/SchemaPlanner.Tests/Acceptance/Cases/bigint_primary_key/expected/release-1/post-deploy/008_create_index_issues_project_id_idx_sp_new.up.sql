-- SchemaPlanner: release 1, post-deploy, up: build issues_project_id_idx_sp_new on the shadow column(s), a copy of issues_project_id_idx
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'issues_project_id_idx_sp_new' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.issues_project_id_idx_sp_new';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.issues_project_id_idx_sp_new;
    END IF;
END
$cleanup$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS issues_project_id_idx_sp_new ON public.issues USING btree (project_id_sp_new);
