SELECT count(*) FROM (
    (SELECT v::text FROM {{view}} v EXCEPT ALL SELECT d::text FROM ({{definition}}) d)
    UNION ALL
    (SELECT d::text FROM ({{definition}}) d EXCEPT ALL SELECT v::text FROM {{view}} v)) x
