INSERT INTO issues (project_id, title) VALUES (7, 'from the old app');
