INSERT INTO projects (name) VALUES ('old app');
INSERT INTO issues (project_id, title) SELECT id, 'issue of the old app' FROM projects WHERE name = 'old app';
