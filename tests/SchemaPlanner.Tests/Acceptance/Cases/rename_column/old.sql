-- GitLab guide, "renaming columns": projects.path becomes projects.slug. The indexed, NOT NULL column with a
-- default gets a new column kept in sync by a trigger in both directions, a backfill, a verify, the index
-- rebuilt concurrently on the new column, and the old column dropped a release later.
CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL,
    path text NOT NULL DEFAULT ''
);
CREATE INDEX projects_path_idx ON projects (path);

INSERT INTO projects (name, path)
SELECT 'Project ' || g, 'group/project-' || g
FROM generate_series(1, 1000) g;
