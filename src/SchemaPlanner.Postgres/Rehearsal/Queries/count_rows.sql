SELECT count(*) FROM {{table}}
