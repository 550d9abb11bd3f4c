INSERT INTO {{table}} ({{columns}}) SELECT {{values}} FROM generate_series(1, {{rows}}) AS g
