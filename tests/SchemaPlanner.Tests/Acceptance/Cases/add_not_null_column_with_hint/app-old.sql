-- The old app does not know slug.
INSERT INTO articles (title) VALUES ('Old App Article');
