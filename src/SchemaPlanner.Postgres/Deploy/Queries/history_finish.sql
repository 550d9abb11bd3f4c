UPDATE {{table}} SET finished_at = clock_timestamp(), outcome = $2, error = $3 WHERE id = $1
