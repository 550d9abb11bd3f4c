SELECT id, plan, file, direction, checksum, started_at, finished_at, outcome, error FROM {{table}} ORDER BY id
