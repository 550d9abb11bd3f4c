SELECT * FROM (SELECT {{columns}} FROM generate_series(1, 50) g) sp_row WHERE {{checks}}
