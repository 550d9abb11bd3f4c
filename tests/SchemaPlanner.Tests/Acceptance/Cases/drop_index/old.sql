-- GitLab guide, "dropping indexes": DROP INDEX CONCURRENTLY after the deploy.
CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL,
    title      text NOT NULL
);
CREATE INDEX issues_project_id_idx ON issues (project_id);
CREATE INDEX issues_title_idx ON issues (title);

INSERT INTO issues (project_id, title) SELECT 1 + g % 50, 'Issue ' || g FROM generate_series(1, 1000) g;
