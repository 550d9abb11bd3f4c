DELETE FROM {{table}} AS t WHERE {{key}}
