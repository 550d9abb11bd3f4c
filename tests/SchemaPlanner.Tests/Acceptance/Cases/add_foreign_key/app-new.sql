INSERT INTO issues (project_id, title) VALUES (8, 'from the new app');
