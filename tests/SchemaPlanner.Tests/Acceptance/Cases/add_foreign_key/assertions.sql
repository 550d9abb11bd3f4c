SELECT count(*) = 1002 FROM issues;
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'issues'::regclass AND contype = 'f';
SELECT indisvalid FROM pg_index WHERE indexrelid = 'issues_project_id_idx'::regclass;
-- The constraint is enforced.
SELECT NOT EXISTS (SELECT 1 FROM issues i WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = i.project_id));
