INSERT INTO {{table}} (plan, release, phase, file, direction, checksum, outcome) VALUES ($1, $2, $3, $4, $5, $6, {{running}}) RETURNING id
