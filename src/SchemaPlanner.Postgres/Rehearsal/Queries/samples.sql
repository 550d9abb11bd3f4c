SELECT {{columns}} FROM {{table}} sp_row LIMIT 200
