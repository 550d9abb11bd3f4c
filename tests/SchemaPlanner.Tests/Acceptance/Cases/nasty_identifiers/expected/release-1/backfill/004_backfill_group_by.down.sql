-- SchemaPlanner: release 1, backfill, down: backfill public."Order Items": group by := "user" || ' in ' || "select"
-- Serves: add column public."Order Items"."group by" text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public."Order Items"."group by" without a default fails if public."Order Items" has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public."Order Items"."group by" without a default makes the running application's inserts, which do not set it, fail
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
