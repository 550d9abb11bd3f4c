SELECT count(*) = 1002 FROM projects;
SELECT bool_and(slug = 'group/project-' || id) FROM projects WHERE id <= 1000 AND id NOT IN (5, 6);
SELECT slug = 'group/renamed-by-old' FROM projects WHERE id = 5;
SELECT slug = 'group/renamed-by-new' FROM projects WHERE id = 6;
SELECT slug = 'group/old' FROM projects WHERE name = 'old app';
SELECT slug = 'group/new' FROM projects WHERE name = 'new app';
SELECT indisvalid FROM pg_index WHERE indexrelid = 'projects_slug_idx'::regclass;
