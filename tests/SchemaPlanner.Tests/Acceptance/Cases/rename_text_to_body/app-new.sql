-- The new app only knows "body".
INSERT INTO articles (title, body) VALUES ('new app', 'written by the new app');
UPDATE articles SET body = 'Body of article 20, edited by the new app' WHERE id = 20;
-- What the old app, still reading "text", sees of those writes (the run fails otherwise).
DO $$
BEGIN
    IF (SELECT text FROM articles WHERE title = 'new app') IS DISTINCT FROM 'written by the new app' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert through "text"';
    END IF;
    IF (SELECT text FROM articles WHERE id = 20) IS DISTINCT FROM 'Body of article 20, edited by the new app' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s update through "text"';
    END IF;
END
$$;
