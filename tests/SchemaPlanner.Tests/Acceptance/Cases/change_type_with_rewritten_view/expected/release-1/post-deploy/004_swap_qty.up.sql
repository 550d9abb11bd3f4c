-- SchemaPlanner: release 1, post-deploy, up: swap public.stock.qty to the new type bigint in one short transaction
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: the verified shadow column takes the name qty in one short transaction; the retired copy loses NOT NULL because nothing writes it but the rollback trigger
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
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.stock'::regclass AND attname = 'qty_sp_old' AND NOT attisdropped) THEN
        RAISE NOTICE 'already swapped, nothing to do';
        RETURN;
    END IF;
DROP TRIGGER IF EXISTS schemaplan_sync_stock_type_qty ON public.stock;
DROP FUNCTION IF EXISTS public.schemaplan_sync_stock_type_qty();
LOCK TABLE public.stock IN ACCESS EXCLUSIVE MODE;
DROP VIEW IF EXISTS public.low_stock;
ALTER TABLE public.stock ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE public.stock ALTER COLUMN qty DROP NOT NULL;
ALTER TABLE public.stock RENAME COLUMN qty TO qty_sp_old;
ALTER TABLE public.stock RENAME COLUMN qty_sp_new TO qty;
CREATE VIEW public.low_stock AS
 SELECT stock.id,
    stock.sku,
    stock.qty
   FROM public.stock
  WHERE (stock.qty < 100);
-- Keeps the old shape () and the new shape (qty_sp_old) of public.stock in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_stock_retired_qty() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.qty_sp_old IS NULL THEN
            -- written through the old shape
            SELECT (qty::text)
              INTO NEW.qty_sp_old
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    -- Recomputed only when the update changes what the expression gives: a value the new app wrote itself stays.
    ELSIF NOT (NEW.qty_sp_old IS DISTINCT FROM OLD.qty_sp_old)
          AND ((SELECT (qty::text) FROM (SELECT NEW.*) AS sp_row) IS DISTINCT FROM (SELECT (qty::text) FROM (SELECT OLD.*) AS sp_row)) THEN
        -- updated through the old shape
            SELECT (qty::text)
              INTO NEW.qty_sp_old
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_stock_retired_qty ON public.stock;
CREATE TRIGGER schemaplan_sync_stock_retired_qty BEFORE INSERT OR UPDATE ON public.stock
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_stock_retired_qty();
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
