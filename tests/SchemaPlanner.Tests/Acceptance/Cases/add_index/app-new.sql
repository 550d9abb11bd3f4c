INSERT INTO issues (project_id, title) VALUES (2, 'from the new app');
