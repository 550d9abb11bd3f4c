INSERT INTO issues (state) VALUES ('closed');
