-- The old app does not know label_upper: the trigger fills it.
INSERT INTO tags (code, label) VALUES ('old-app', 'Written by the old app');
