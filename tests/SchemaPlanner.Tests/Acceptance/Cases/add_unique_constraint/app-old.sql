INSERT INTO users (username) VALUES ('old-app-user');
