INSERT INTO projects (name, path) VALUES ('old app', 'group/old');
UPDATE projects SET path = 'group/renamed-by-old' WHERE id = 5;
