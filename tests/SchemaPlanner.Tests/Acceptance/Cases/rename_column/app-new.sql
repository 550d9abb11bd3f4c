INSERT INTO projects (name, slug) VALUES ('new app', 'group/new');
UPDATE projects SET slug = 'group/renamed-by-new' WHERE id = 6;
-- What the old app, still reading "path", sees of those writes (the run fails otherwise).
DO $$
BEGIN
    IF (SELECT path FROM projects WHERE name = 'new app') IS DISTINCT FROM 'group/new' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert through "path"';
    END IF;
    IF (SELECT path FROM projects WHERE id = 6) IS DISTINCT FROM 'group/renamed-by-new' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s update through "path"';
    END IF;
END
$$;
