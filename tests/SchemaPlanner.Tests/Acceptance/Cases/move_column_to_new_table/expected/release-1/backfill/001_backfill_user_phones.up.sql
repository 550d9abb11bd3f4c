-- SchemaPlanner: release 1, backfill, up: backfill public.user_phones (user_id, phone) from public.users WHERE phone IS NOT NULL
-- Serves: create table public.user_phones
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.user_phones from public.users WHERE phone IS NOT NULL: user_id := id; phone := phone
-- Keyset batches of source rows on (id), each committed on its own, with a pause between batches.
-- The first batch has 1000 rows; each next one is sized from the last one's time to take about
-- 180 ms (100 to 100000 rows), and the pause after it follows its time too.
-- INSERT … ON CONFLICT DO NOTHING: a target row the sync trigger or the
-- new app version already wrote is left as it is, so a killed run resumes and a second run inserts nothing.
-- The source rows of a batch are read FOR SHARE, so an update racing the batch waits and is then copied by the
-- trigger. The walk stops at the last key the source had when it started: rows inserted later went through
-- the trigger.
DO $backfill$
DECLARE
    last_0 bigint;
    next_0 bigint;
    end_0 bigint;
    first_batch boolean := true;
    batch_rows bigint;
    changed bigint;
    retries integer;
    scanned bigint := 0;
    inserted bigint := 0;
    total bigint;
    batch_limit bigint := 1000;
    batch_started timestamptz;
    batch_ms double precision;
    pause_ms double precision;
    lag_ms double precision;
    backlog_mb double precision;
BEGIN
    SELECT greatest(reltuples::bigint, 0) INTO total FROM pg_class WHERE oid = 'public.users'::regclass;
    SELECT id INTO end_0 FROM public.users ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE NOTICE 'backfill public.user_phones done: 0 rows scanned, 0 inserted';
        RETURN;
    END IF;
    LOOP
        -- Each batch adds WAL a lagging replica has to replay: wait while one is behind (no replica, no wait).
        LOOP
            SELECT max(extract(epoch FROM replay_lag) * 1000), max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) / 1048576
              INTO lag_ms, backlog_mb FROM pg_stat_replication;
            EXIT WHEN NOT coalesce(lag_ms > 10000 OR backlog_mb > 1024, false);
            RAISE NOTICE 'backfill %: waiting for replicas (replay lag % ms, % MB of WAL behind)', 'public.user_phones', round(coalesce(lag_ms, 0)), round(coalesce(backlog_mb, 0));
            PERFORM pg_sleep(1);
        END LOOP;
        batch_started := clock_timestamp();
        -- The reverse trigger on public.user_phones stands aside: these rows come from public.users.
        PERFORM set_config('schemaplan.copying', 'backfill', true);
        IF first_batch THEN
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.users
                             WHERE (id) <= (end_0)
                             ORDER BY id LIMIT batch_limit) s) b
             ORDER BY b.n DESC LIMIT 1;
        ELSE
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.users
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
                IF first_batch THEN
                    INSERT INTO public.user_phones (user_id, phone)
                    SELECT (id), (phone)
                      FROM public.users
                     WHERE (id) <= (next_0)
                       AND (phone IS NOT NULL)
                     ORDER BY id
                       FOR SHARE
                    ON CONFLICT (user_id) DO NOTHING;
                ELSE
                    INSERT INTO public.user_phones (user_id, phone)
                    SELECT (id), (phone)
                      FROM public.users
                     WHERE (id) > (last_0)
                       AND (id) <= (next_0)
                       AND (phone IS NOT NULL)
                     ORDER BY id
                       FOR SHARE
                    ON CONFLICT (user_id) DO NOTHING;
                END IF;
                GET DIAGNOSTICS changed = ROW_COUNT;
                EXIT;
            EXCEPTION WHEN deadlock_detected OR lock_not_available THEN
                retries := retries + 1;
                IF retries >= 5 THEN
                    RAISE;
                END IF;
                RAISE NOTICE 'backfill public.user_phones: batch lost a lock conflict (%), retry % of 5', SQLERRM, retries;
                PERFORM pg_sleep(0.2 * retries);
            END;
        END LOOP;

        scanned := scanned + batch_rows;
        inserted := inserted + changed;
        last_0 := next_0;
        first_batch := false;
        COMMIT;
        RAISE NOTICE 'backfill public.user_phones: % rows of public.users scanned of ~%, % inserted', scanned, total, inserted;
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
        RAISE NOTICE 'backfill %: batch took % ms; next batch % rows after % ms', 'public.user_phones', round(batch_ms), batch_limit, round(pause_ms);
        PERFORM pg_sleep(pause_ms / 1000);
    END LOOP;
    RAISE NOTICE 'backfill public.user_phones done: % rows scanned, % inserted', scanned, inserted;
END
$backfill$;
