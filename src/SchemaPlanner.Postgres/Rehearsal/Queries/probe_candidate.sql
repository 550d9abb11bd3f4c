SELECT CAST({{candidate}} AS {{type}})::text FROM (SELECT CAST({{candidate}} AS {{type}}) AS {{column}}) sp_row WHERE NOT ({{check}})
