SELECT count(*) = 1000 FROM issues;
SELECT to_regclass('public.issues_title_idx') IS NULL;
SELECT to_regclass('public.issues_project_id_idx') IS NOT NULL;
