-- SchemaPlanner: release 1, backfill, up: backfill public.stock: qty_sp_new := qty::bigint
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.stock: qty_sp_new := qty::bigint
-- Keyset batches on (id), each committed on its own, with a pause between batches.
-- The first batch has 1000 rows; each next one is sized from the last one's time to take about
-- 180 ms (100 to 100000 rows), and the pause after it follows its time too.
-- Only rows that still differ are updated: a killed run resumes,
-- a second run changes nothing. The walk stops at the last key the table had when it started: rows inserted
-- later already went through the sync trigger (or the column's default), so chasing them would only keep a
-- backfill under steady inserts from ever finishing.
DO $backfill$
DECLARE
    last_0 integer;
    next_0 integer;
    end_0 integer;
    first_batch boolean := true;
    lost text;
    batch_rows bigint;
    changed bigint;
    retries integer;
    scanned bigint := 0;
    updated bigint := 0;
    total bigint;
    batch_limit bigint := 1000;
    batch_started timestamptz;
    batch_ms double precision;
    pause_ms double precision;
    lag_ms double precision;
    backlog_mb double precision;
BEGIN
    SELECT greatest(reltuples::bigint, 0) INTO total FROM pg_class WHERE oid = 'public.stock'::regclass;
    SELECT id INTO end_0 FROM public.stock ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE NOTICE 'backfill public.stock done: 0 rows scanned, 0 updated';
        RETURN;
    END IF;
    LOOP
        -- Each batch adds WAL a lagging replica has to replay: wait while one is behind (no replica, no wait).
        LOOP
            SELECT max(extract(epoch FROM replay_lag) * 1000), max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) / 1048576
              INTO lag_ms, backlog_mb FROM pg_stat_replication;
            EXIT WHEN NOT coalesce(lag_ms > 10000 OR backlog_mb > 1024, false);
            RAISE NOTICE 'backfill %: waiting for replicas (replay lag % ms, % MB of WAL behind)', 'public.stock', round(coalesce(lag_ms, 0)), round(coalesce(backlog_mb, 0));
            PERFORM pg_sleep(1);
        END LOOP;
        batch_started := clock_timestamp();
        -- Sync triggers stand aside: this backfill writes the new shape itself.
        PERFORM set_config('schemaplan.backfill', 'on', true);
        IF first_batch THEN
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.stock
                             WHERE (id) <= (end_0)
                             ORDER BY id LIMIT batch_limit) s) b
             ORDER BY b.n DESC LIMIT 1;
        ELSE
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.stock
                             WHERE (id) > (last_0)
                               AND (id) <= (end_0)
                             ORDER BY id LIMIT batch_limit) s) b
             ORDER BY b.n DESC LIMIT 1;
        END IF;
        EXIT WHEN batch_rows IS NULL;

        -- A batch that loses a deadlock or a lock wait to the application is retried, not the whole backfill.
        retries := 0;
        LOOP
            BEGIN
                -- Two statements rather than one with "first_batch OR key > last": a plan with that OR could not use
                -- the primary key's index to start at the batch.
                IF first_batch THEN
                    UPDATE public.stock
                       SET qty_sp_new = (qty::bigint)
                     WHERE (id) <= (next_0)
                       AND (qty_sp_new IS DISTINCT FROM (qty::bigint));
                ELSE
                    UPDATE public.stock
                       SET qty_sp_new = (qty::bigint)
                     WHERE (id) > (last_0)
                       AND (id) <= (next_0)
                       AND (qty_sp_new IS DISTINCT FROM (qty::bigint));
                END IF;
                GET DIAGNOSTICS changed = ROW_COUNT;
                EXIT;
            EXCEPTION WHEN deadlock_detected OR lock_not_available THEN
                retries := retries + 1;
                IF retries >= 5 THEN
                    RAISE;
                END IF;
                RAISE NOTICE 'backfill public.stock: batch lost a lock conflict (%), retry % of 5', SQLERRM, retries;
                PERFORM pg_sleep(0.2 * retries);
            END;
        END LOOP;

        scanned := scanned + batch_rows;
        updated := updated + changed;
        last_0 := next_0;
        first_batch := false;
        COMMIT;
        RAISE NOTICE 'backfill public.stock: % rows scanned of ~%, % updated', scanned, total, updated;
        -- The next batch is sized to take about 180 ms (90% of the 200 ms target) at this
        -- batch's pace: at most 1.2x larger, smaller in proportion after a slow batch, half after a lock conflict,
        -- always 100 to 100000 rows. The pause grows with the batch time, never below 100 ms.
        batch_ms := 1000 * extract(epoch FROM clock_timestamp() - batch_started);
        IF retries > 0 THEN
            batch_limit := greatest(100, batch_limit / 2);
        ELSE
            batch_limit := least(100000, greatest(100, round(batch_limit * least(1.2, 180 / greatest(batch_ms, 1)))::bigint));
        END IF;
        pause_ms := greatest(100, batch_ms * 0.5);
        RAISE NOTICE 'backfill %: batch took % ms; next batch % rows after % ms', 'public.stock', round(batch_ms), batch_limit, round(pause_ms);
        PERFORM pg_sleep(pause_ms / 1000);
    END LOOP;
    RAISE NOTICE 'backfill public.stock done: % rows scanned, % updated', scanned, updated;
END
$backfill$;
