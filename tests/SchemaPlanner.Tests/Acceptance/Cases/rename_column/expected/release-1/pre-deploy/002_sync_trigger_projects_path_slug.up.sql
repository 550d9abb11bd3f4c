-- SchemaPlanner: release 1, pre-deploy, up: keep path and slug in step in both directions; the trigger applies path's default
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
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
ALTER TABLE public.projects ALTER COLUMN path DROP DEFAULT;
-- Keeps the old shape (path) and the new shape (slug) of public.projects in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_projects_path_slug() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.path IS NULL AND NEW.slug IS NULL THEN
            -- written through neither shape: the default the old shape had
            NEW.path := ''::text;
        END IF;
        IF NEW.slug IS NULL THEN
            -- written through the old shape
            SELECT (path)
              INTO NEW.slug
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.path IS NULL THEN
            -- written through the new shape
            SELECT (slug)
              INTO NEW.path
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.path IS DISTINCT FROM OLD.path)
          AND NOT (NEW.slug IS DISTINCT FROM OLD.slug) THEN
        -- updated through the old shape
            SELECT (path)
              INTO NEW.slug
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.slug IS DISTINCT FROM OLD.slug)
          AND NOT (NEW.path IS DISTINCT FROM OLD.path) THEN
        -- updated through the new shape
            SELECT (slug)
              INTO NEW.path
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_projects_path_slug ON public.projects;
CREATE TRIGGER schemaplan_sync_projects_path_slug BEFORE INSERT OR UPDATE ON public.projects
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_projects_path_slug();

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
