DELETE FROM {{table}} WHERE NOT ({{check}})
