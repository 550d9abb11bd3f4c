SELECT {{columns}} FROM {{table}} WHERE {{not_null}} ORDER BY random() LIMIT 200
