INSERT INTO {{table}} SELECT FROM generate_series(1, {{rows}}) AS g
