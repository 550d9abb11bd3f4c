SELECT count(*) = 202 FROM projects;
SELECT count(*) = 1002 FROM issues;
SELECT bool_and(name = 'Project ' || id) FROM projects WHERE id <= 200;
SELECT bool_and(project_id = 1 + id % 200) FROM issues WHERE id <= 1000;
SELECT (SELECT p.name FROM projects p WHERE p.id = i.project_id) = 'old app' FROM issues i WHERE title = 'issue of the old app';
SELECT (SELECT p.name FROM projects p WHERE p.id = i.project_id) = 'new app' FROM issues i WHERE title = 'issue of the new app';
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute WHERE attrelid = 'projects'::regclass AND attname = 'id';
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute WHERE attrelid = 'issues'::regclass AND attname = 'project_id';
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'issues'::regclass AND contype = 'f';
-- The sequence keeps counting where it was, as bigint.
INSERT INTO projects (name) VALUES ('after') RETURNING id = 203;
SELECT setval('projects_id_seq', 3000000000) = 3000000000;
INSERT INTO projects (name) VALUES ('big') RETURNING id = 3000000001;
