SELECT {{columns}} FROM (SELECT row_number() OVER () AS g, sp_row.* FROM {{table}} sp_row LIMIT 200) sp_row
