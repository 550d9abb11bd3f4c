INSERT INTO projects (name) VALUES ('new app');
INSERT INTO issues (project_id, title) SELECT id, 'issue of the new app' FROM projects WHERE name = 'new app';
