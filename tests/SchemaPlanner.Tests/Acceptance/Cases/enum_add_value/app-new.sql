INSERT INTO issues (state) VALUES ('in_review');
