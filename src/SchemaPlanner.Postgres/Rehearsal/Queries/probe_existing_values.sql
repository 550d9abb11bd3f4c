SELECT {{columns}} FROM {{table}} WHERE ({{not_null}}) LIMIT 1
