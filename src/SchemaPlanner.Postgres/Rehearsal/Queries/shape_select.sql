SELECT {{row}}::text FROM {{table}} AS t WHERE {{key}}
