INSERT INTO articles (title, slug) VALUES ('New App Article', 'chosen-by-the-new-app');
