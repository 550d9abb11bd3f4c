DELETE FROM {{table}} a USING {{table}} b WHERE a.ctid > b.ctid AND ({{list}}) = ({{other}})
