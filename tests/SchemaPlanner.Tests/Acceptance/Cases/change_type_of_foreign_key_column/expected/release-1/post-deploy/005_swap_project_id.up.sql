-- SchemaPlanner: release 1, post-deploy, up: swap public.issues.project_id to the new type bigint in one short transaction
-- Serves: alter column public.issues.project_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.issues.project_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.issues.project_id from integer to bigint rewrites public.issues and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: the verified shadow column takes the name project_id in one short transaction; the retired copy loses NOT NULL because nothing writes it but the rollback trigger
-- squawk-ignore-file renaming-column
-- squawk-ignore-file ban-drop-not-null
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
-- Does nothing when it already ran (renames have no IF EXISTS form).
DO $swap$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.issues'::regclass AND attname = 'project_id_sp_old' AND NOT attisdropped) THEN
        RAISE NOTICE 'already swapped, nothing to do';
        RETURN;
    END IF;
DROP TRIGGER IF EXISTS schemaplan_sync_issues_type_project_id ON public.issues;
DROP FUNCTION IF EXISTS public.schemaplan_sync_issues_type_project_id();
LOCK TABLE public.issues IN ACCESS EXCLUSIVE MODE;
ALTER TABLE public.issues DROP CONSTRAINT IF EXISTS issues_project_id_fkey;
ALTER TABLE public.issues DROP CONSTRAINT IF EXISTS issues_project_id_positive;
ALTER TABLE public.issues ALTER COLUMN project_id DROP DEFAULT;
ALTER TABLE public.issues ALTER COLUMN project_id DROP NOT NULL;
ALTER TABLE public.issues RENAME COLUMN project_id TO project_id_sp_old;
ALTER TABLE public.issues RENAME COLUMN project_id_sp_new TO project_id;
ALTER TABLE public.issues ADD CONSTRAINT issues_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE NOT VALID;
ALTER TABLE public.issues ADD CONSTRAINT issues_project_id_positive CHECK ((project_id > 0)) NOT VALID;
ALTER INDEX public.issues_project_id_idx RENAME TO issues_project_id_idx_sp_old;
ALTER INDEX public.issues_project_id_idx_sp_new RENAME TO issues_project_id_idx;
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
            SELECT (project_id::integer)
              INTO NEW.project_id_sp_old
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    -- Recomputed only when the update changes what the expression gives: a value the new app wrote itself stays.
    ELSIF NOT (NEW.project_id_sp_old IS DISTINCT FROM OLD.project_id_sp_old)
          AND ((SELECT (project_id::integer) FROM (SELECT NEW.*) AS sp_row) IS DISTINCT FROM (SELECT (project_id::integer) FROM (SELECT OLD.*) AS sp_row)) THEN
        -- updated through the old shape
            SELECT (project_id::integer)
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
$swap$;

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
