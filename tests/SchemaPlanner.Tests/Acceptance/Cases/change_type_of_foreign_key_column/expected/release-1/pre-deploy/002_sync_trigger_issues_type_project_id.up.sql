-- SchemaPlanner: release 1, pre-deploy, up: keep project_id_sp_new = project_id::bigint in step with project_id
-- Serves: alter column public.issues.project_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.issues.project_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.issues.project_id from integer to bigint rewrites public.issues and its indexes under an ACCESS EXCLUSIVE lock
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
-- Keeps the old shape (project_id) and the new shape (project_id_sp_new) of public.issues in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_issues_type_project_id() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.project_id_sp_new IS NULL THEN
            -- written through the old shape
            SELECT (project_id::bigint)
              INTO NEW.project_id_sp_new
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.project_id IS NULL THEN
            -- written through the new shape
            SELECT (project_id_sp_new::integer)
              INTO NEW.project_id
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.project_id IS DISTINCT FROM OLD.project_id)
          AND NOT (NEW.project_id_sp_new IS DISTINCT FROM OLD.project_id_sp_new) THEN
        -- updated through the old shape
            SELECT (project_id::bigint)
              INTO NEW.project_id_sp_new
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.project_id_sp_new IS DISTINCT FROM OLD.project_id_sp_new)
          AND NOT (NEW.project_id IS DISTINCT FROM OLD.project_id) THEN
        -- updated through the new shape
            SELECT (project_id_sp_new::integer)
              INTO NEW.project_id
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_issues_type_project_id ON public.issues;
CREATE TRIGGER schemaplan_sync_issues_type_project_id BEFORE INSERT OR UPDATE ON public.issues
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_issues_type_project_id();

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
