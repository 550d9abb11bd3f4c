-- SchemaPlanner: release 1, pre-deploy, down: build the unique index for "Order Items ""user"" key" concurrently
-- Serves: add constraint "Order Items ""user"" key" on public."Order Items": UNIQUE ("user")
-- Hazard SP4001 (IndexBuild): adding unique constraint public."Order Items"."Order Items ""user"" key" builds its index over public."Order Items" under an ACCESS EXCLUSIVE lock
-- Hazard SP4001 (BreaksRunningApp): unique constraint public."Order Items"."Order Items ""user"" key" makes the running application's writes of duplicate ("user") fail, and fails itself if duplicates exist
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public."Order Items ""user"" key";
