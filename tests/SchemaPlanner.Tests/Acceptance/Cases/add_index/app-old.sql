INSERT INTO issues (project_id, title) VALUES (1, 'from the old app');
