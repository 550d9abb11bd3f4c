INSERT INTO {{table}} AS t ({{columns}}) VALUES ({{values}}) RETURNING {{returning}}
