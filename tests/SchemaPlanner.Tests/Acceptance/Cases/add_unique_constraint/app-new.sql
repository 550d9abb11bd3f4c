INSERT INTO users (username) VALUES ('new-app-user');
