-- SchemaPlanner: release 1, pre-deploy, up: keep price and price_v2 in step in both directions
-- Serves: rename column public.products.price to price_v2 (type integer -> numeric(12,2))
-- Hazard SP2004 (BreaksRunningApp): renaming column public.products.price to price_v2 breaks the application version that still uses the old name
-- Hazard SP2005 (BreaksRunningApp): changing public.products.price_v2 from integer to numeric(12,2) breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.products.price_v2 from integer to numeric(12,2) rewrites public.products and its indexes under an ACCESS EXCLUSIVE lock
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
-- Keeps the old shape (price) and the new shape (price_v2) of public.products in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_products_price_price_v2() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.price_v2 IS NULL THEN
            -- written through the old shape
            -- An assignment (as ALTER COLUMN TYPE makes) raises where a value does not fit; this also catches the
            -- rounding it would do silently.
            IF (SELECT ((price::numeric / 100) IS DISTINCT FROM (price::numeric / 100)::numeric(12,2)) FROM (SELECT NEW.*) AS sp_row) THEN
                RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = format('%s: %s', 'value does not fit price_v2 (numeric(12,2)) unchanged', (SELECT (price::numeric / 100)::text FROM (SELECT NEW.*) AS sp_row));
            END IF;
            SELECT (price::numeric / 100)
              INTO NEW.price_v2
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.price IS NULL THEN
            -- written through the new shape
            SELECT ((price_v2 * 100)::integer)
              INTO NEW.price
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.price IS DISTINCT FROM OLD.price)
          AND NOT (NEW.price_v2 IS DISTINCT FROM OLD.price_v2) THEN
        -- updated through the old shape
            -- An assignment (as ALTER COLUMN TYPE makes) raises where a value does not fit; this also catches the
            -- rounding it would do silently.
            IF (SELECT ((price::numeric / 100) IS DISTINCT FROM (price::numeric / 100)::numeric(12,2)) FROM (SELECT NEW.*) AS sp_row) THEN
                RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = format('%s: %s', 'value does not fit price_v2 (numeric(12,2)) unchanged', (SELECT (price::numeric / 100)::text FROM (SELECT NEW.*) AS sp_row));
            END IF;
            SELECT (price::numeric / 100)
              INTO NEW.price_v2
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.price_v2 IS DISTINCT FROM OLD.price_v2)
          AND NOT (NEW.price IS DISTINCT FROM OLD.price) THEN
        -- updated through the new shape
            SELECT ((price_v2 * 100)::integer)
              INTO NEW.price
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_products_price_price_v2 ON public.products;
CREATE TRIGGER schemaplan_sync_products_price_price_v2 BEFORE INSERT OR UPDATE ON public.products
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_products_price_price_v2();

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
