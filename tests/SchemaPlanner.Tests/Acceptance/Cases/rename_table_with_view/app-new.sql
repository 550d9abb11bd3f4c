INSERT INTO articles (title, body) VALUES ('new app', 'through the table');
DO $$
BEGIN
    IF (SELECT body FROM posts WHERE title = 'new app') IS DISTINCT FROM 'through the table' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert through the view';
    END IF;
END
$$;
