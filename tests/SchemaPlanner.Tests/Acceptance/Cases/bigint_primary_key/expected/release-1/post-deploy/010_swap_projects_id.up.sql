-- SchemaPlanner: release 1, post-deploy, up: swap public.projects.id, public.issues.project_id to bigint in one short transaction (locks public.projects, public.issues)
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
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
-- One transaction: lock the tables (parents before children), swap the columns, hand over the triggers.
-- Does nothing when it already ran (nothing to swap: public.projects.id_sp_new is gone (the swap already ran)).
DO $swap_tables$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.projects'::regclass AND attname = 'id_sp_new' AND NOT attisdropped) THEN
        RAISE NOTICE '%', 'nothing to swap: public.projects.id_sp_new is gone (the swap already ran)';
        RETURN;
    END IF;
    LOCK TABLE public.projects IN ACCESS EXCLUSIVE MODE;
    LOCK TABLE public.issues IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS schemaplan_sync_projects_bigint_id ON public.projects;
DROP FUNCTION IF EXISTS public.schemaplan_sync_projects_bigint_id();
DROP TRIGGER IF EXISTS schemaplan_sync_issues_bigint_project_id ON public.issues;
DROP FUNCTION IF EXISTS public.schemaplan_sync_issues_bigint_project_id();
ALTER TABLE public.issues DROP CONSTRAINT IF EXISTS issues_project_id_fkey;
ALTER TABLE public.projects DROP CONSTRAINT IF EXISTS projects_pkey;
ALTER TABLE public.projects ALTER COLUMN id DROP DEFAULT;
ALTER TABLE public.projects RENAME COLUMN id TO id_sp_old;
ALTER TABLE public.projects RENAME COLUMN id_sp_new TO id;
ALTER TABLE public.projects ALTER COLUMN id_sp_old DROP NOT NULL;
ALTER SEQUENCE public.projects_id_seq AS bigint MINVALUE 1 MAXVALUE 9223372036854775807;
ALTER SEQUENCE public.projects_id_seq OWNED BY public.projects.id;
ALTER TABLE public.projects ALTER COLUMN id SET DEFAULT nextval('public.projects_id_seq'::regclass);
ALTER TABLE public.issues RENAME COLUMN project_id TO project_id_sp_old;
ALTER TABLE public.issues RENAME COLUMN project_id_sp_new TO project_id;
ALTER TABLE public.issues ALTER COLUMN project_id_sp_old DROP NOT NULL;
ALTER INDEX public.issues_project_id_idx RENAME TO issues_project_id_idx_sp_old;
ALTER INDEX public.issues_project_id_idx_sp_new RENAME TO issues_project_id_idx;
ALTER TABLE public.projects ADD CONSTRAINT projects_pkey PRIMARY KEY USING INDEX projects_pkey_sp_new;
ALTER TABLE public.issues ADD CONSTRAINT issues_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) NOT VALID;
-- Keeps the old shape () and the new shape (id_sp_old) of public.projects in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_projects_retired_id() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.id_sp_old IS NULL THEN
            -- written through the old shape
            SELECT (CASE WHEN id BETWEEN -2147483648 AND 2147483647 THEN id::integer END)
              INTO NEW.id_sp_old
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    -- Recomputed only when the update changes what the expression gives: a value the new app wrote itself stays.
    ELSIF NOT (NEW.id_sp_old IS DISTINCT FROM OLD.id_sp_old)
          AND ((SELECT (CASE WHEN id BETWEEN -2147483648 AND 2147483647 THEN id::integer END) FROM (SELECT NEW.*) AS sp_row) IS DISTINCT FROM (SELECT (CASE WHEN id BETWEEN -2147483648 AND 2147483647 THEN id::integer END) FROM (SELECT OLD.*) AS sp_row)) THEN
        -- updated through the old shape
            SELECT (CASE WHEN id BETWEEN -2147483648 AND 2147483647 THEN id::integer END)
              INTO NEW.id_sp_old
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_projects_retired_id ON public.projects;
CREATE TRIGGER schemaplan_sync_projects_retired_id BEFORE INSERT OR UPDATE ON public.projects
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_projects_retired_id();
-- Keeps the old shape () and the new shape (project_id_sp_old) of public.issues in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_issues_retired_project_id() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.project_id_sp_old IS NULL THEN
            -- written through the old shape
            SELECT (CASE WHEN project_id BETWEEN -2147483648 AND 2147483647 THEN project_id::integer END)
              INTO NEW.project_id_sp_old
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    -- Recomputed only when the update changes what the expression gives: a value the new app wrote itself stays.
    ELSIF NOT (NEW.project_id_sp_old IS DISTINCT FROM OLD.project_id_sp_old)
          AND ((SELECT (CASE WHEN project_id BETWEEN -2147483648 AND 2147483647 THEN project_id::integer END) FROM (SELECT NEW.*) AS sp_row) IS DISTINCT FROM (SELECT (CASE WHEN project_id BETWEEN -2147483648 AND 2147483647 THEN project_id::integer END) FROM (SELECT OLD.*) AS sp_row)) THEN
        -- updated through the old shape
            SELECT (CASE WHEN project_id BETWEEN -2147483648 AND 2147483647 THEN project_id::integer END)
              INTO NEW.project_id_sp_old
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_issues_retired_project_id ON public.issues;
CREATE TRIGGER schemaplan_sync_issues_retired_project_id BEFORE INSERT OR UPDATE ON public.issues
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_issues_retired_project_id();
END
$swap_tables$;

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
