INSERT INTO events (happened_at, kind, body) VALUES ('2030-01-02', 'new-app', 'written by the new app');
