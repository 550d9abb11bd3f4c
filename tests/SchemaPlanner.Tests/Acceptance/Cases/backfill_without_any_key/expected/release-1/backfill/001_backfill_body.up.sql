-- SchemaPlanner: release 1, backfill, up: backfill public.events: body := payload
-- Serves: rename column public.events.payload to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.events.payload to body breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.events: body := payload
-- The table has neither a primary key nor a unique index over NOT NULL columns, so the batches are ranges of
-- physical blocks (ctid >= '(b,0)' AND ctid < '(b+n,0)', a TID range scan), as many blocks as hold the batch's rows
-- at the table's density, each committed on its own, with a pause between batches.
-- The first batch has 1000 rows; each next one is sized from the last one's time to take about
-- 180 ms (100 to 100000 rows), and the pause after it follows its time too.
-- The walk stops at the last block the table
-- had when it started: rows inserted later already went through the sync trigger (or the column's default). An
-- update can move a row still to do into a block already walked: while such rows remain, the walk starts over
-- (at most 3 walks; verify reports what is left). Only rows that still differ are updated: a killed run
-- resumes, a second run changes nothing.
DO $backfill$
DECLARE
    end_block bigint;
    block bigint;
    blocks bigint;
    density double precision;
    sample bigint;
    walk integer := 0;
    changed bigint;
    retries integer;
    walked bigint := 0;
    updated bigint := 0;
    total bigint;
    pages bigint;
    batch_limit bigint := 1000;
    batch_started timestamptz;
    batch_ms double precision;
    pause_ms double precision;
    lag_ms double precision;
    backlog_mb double precision;
BEGIN
    SELECT greatest(reltuples::bigint, 0), relpages INTO total, pages FROM pg_class WHERE oid = 'public.events'::regclass;
    end_block := pg_relation_size('public.events'::regclass) / current_setting('block_size')::bigint;
    -- Rows per block: from the statistics, or what the first blocks show.
    IF total > 0 AND pages > 0 THEN
        density := total::double precision / pages;
    ELSE
        SELECT count(*) INTO sample FROM public.events WHERE ctid < '(10,0)'::tid;
        density := greatest(sample, 1)::double precision / greatest(least(10, end_block), 1);
    END IF;
    LOOP
        walk := walk + 1;
        block := 0;
        WHILE block < end_block LOOP
        -- Each batch adds WAL a lagging replica has to replay: wait while one is behind (no replica, no wait).
        LOOP
            SELECT max(extract(epoch FROM replay_lag) * 1000), max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) / 1048576
              INTO lag_ms, backlog_mb FROM pg_stat_replication;
            EXIT WHEN NOT coalesce(lag_ms > 10000 OR backlog_mb > 1024, false);
            RAISE NOTICE 'backfill %: waiting for replicas (replay lag % ms, % MB of WAL behind)', 'public.events', round(coalesce(lag_ms, 0)), round(coalesce(backlog_mb, 0));
            PERFORM pg_sleep(1);
        END LOOP;
        batch_started := clock_timestamp();
            blocks := greatest(1, ceil(batch_limit / density)::bigint);
            -- Sync triggers stand aside: this backfill writes the new shape itself.
            PERFORM set_config('schemaplan.backfill', 'on', true);
            -- A batch that loses a deadlock or a lock wait to the application is retried, not the whole backfill.
            retries := 0;
            LOOP
                BEGIN
                    UPDATE public.events
                       SET body = (payload)
                     WHERE ctid >= format('(%s,0)', block)::tid
                       AND ctid < format('(%s,0)', block + blocks)::tid
                       AND (body IS DISTINCT FROM (payload));
                    GET DIAGNOSTICS changed = ROW_COUNT;
                    EXIT;
                EXCEPTION WHEN deadlock_detected OR lock_not_available THEN
                    retries := retries + 1;
                    IF retries >= 5 THEN
                        RAISE;
                    END IF;
                    RAISE NOTICE 'backfill public.events: batch lost a lock conflict (%), retry % of 5', SQLERRM, retries;
                    PERFORM pg_sleep(0.2 * retries);
                END;
            END LOOP;

            walked := walked + least(blocks, end_block - block);
            block := block + blocks;
            updated := updated + changed;
            COMMIT;
            RAISE NOTICE 'backfill public.events: walk %, block % of %, % updated', walk, least(block, end_block), end_block, updated;
        -- The next batch is sized to take about 180 ms (90% of the 200 ms target) at this
        -- batch's pace: at most 1.2x larger, smaller in proportion after a slow batch, half after a lock conflict,
        -- always 100 to 100000 rows. The pause grows with the batch time, never below 0 ms.
        batch_ms := 1000 * extract(epoch FROM clock_timestamp() - batch_started);
        IF retries > 0 THEN
            batch_limit := greatest(100, batch_limit / 2);
        ELSE
            batch_limit := least(100000, greatest(100, round(batch_limit * least(1.2, 180 / greatest(batch_ms, 1)))::bigint));
        END IF;
        pause_ms := greatest(0, batch_ms * 0.5);
        RAISE NOTICE 'backfill %: batch took % ms; next batch % rows after % ms', 'public.events', round(batch_ms), batch_limit, round(pause_ms);
        PERFORM pg_sleep(pause_ms / 1000);
        END LOOP;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM public.events WHERE body IS DISTINCT FROM (payload));
        IF walk >= 3 THEN
            RAISE NOTICE 'backfill public.events: rows still to do after 3 walks (updates keep moving them); run it again';
            EXIT;
        END IF;
        RAISE NOTICE 'backfill public.events: updates moved rows still to do behind the walk; walking again';
        end_block := pg_relation_size('public.events'::regclass) / current_setting('block_size')::bigint;
    END LOOP;
    RAISE NOTICE 'backfill public.events done: % blocks walked, % updated', walked, updated;
END
$backfill$;
