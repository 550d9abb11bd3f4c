SELECT count(*) = 1002 FROM issues;
SELECT bool_and(project_id = 1 + id % 50) FROM issues WHERE id <= 1000;
SELECT project_id = 7 FROM issues WHERE title = 'from the old app';
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'issues'::regclass;
SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'issues'::regclass AND contype = 'f';
-- The foreign key acts on the new column: deleting a project deletes its issues.
WITH gone AS (DELETE FROM projects WHERE id = 8 RETURNING id) SELECT count(*) = 1 FROM gone;
SELECT NOT EXISTS (SELECT 1 FROM issues WHERE project_id = 8);
