-- SchemaPlanner: release 1, post-deploy, down: swap public.stock.qty to the new type bigint in one short transaction
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
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
-- Does nothing when it already ran (renames have no IF EXISTS form).
DO $swap$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.stock'::regclass AND attname = 'qty_sp_old' AND NOT attisdropped) THEN
        RAISE NOTICE 'already swapped, nothing to do';
        RETURN;
    END IF;
DROP TRIGGER IF EXISTS schemaplan_sync_stock_retired_qty ON public.stock;
DROP FUNCTION IF EXISTS public.schemaplan_sync_stock_retired_qty();
LOCK TABLE public.stock IN ACCESS EXCLUSIVE MODE;
DROP VIEW IF EXISTS public.low_stock;
ALTER TABLE public.stock ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE public.stock RENAME COLUMN qty TO qty_sp_new;
ALTER TABLE public.stock RENAME COLUMN qty_sp_old TO qty;
ALTER TABLE public.stock ALTER COLUMN qty SET NOT NULL;
CREATE VIEW public.low_stock AS
 SELECT stock.id,
    stock.sku,
    stock.qty
   FROM public.stock
  WHERE (stock.qty < '100'::text);
-- Keeps the old shape (qty) and the new shape (qty_sp_new) of public.stock in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_stock_type_qty() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.qty_sp_new IS NULL THEN
            -- written through the old shape
            SELECT (qty::bigint)
              INTO NEW.qty_sp_new
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.qty IS NULL THEN
            -- written through the new shape
            SELECT (qty_sp_new::text)
              INTO NEW.qty
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.qty IS DISTINCT FROM OLD.qty)
          AND NOT (NEW.qty_sp_new IS DISTINCT FROM OLD.qty_sp_new) THEN
        -- updated through the old shape
            SELECT (qty::bigint)
              INTO NEW.qty_sp_new
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.qty_sp_new IS DISTINCT FROM OLD.qty_sp_new)
          AND NOT (NEW.qty IS DISTINCT FROM OLD.qty) THEN
        -- updated through the new shape
            SELECT (qty_sp_new::text)
              INTO NEW.qty
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_stock_type_qty ON public.stock;
CREATE TRIGGER schemaplan_sync_stock_type_qty BEFORE INSERT OR UPDATE ON public.stock
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_stock_type_qty();
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
