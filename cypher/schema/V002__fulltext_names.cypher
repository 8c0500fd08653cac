// Search by name across the catalog: CALL db.index.fulltext.queryNodes('catalog_names', 'beatles~')
CREATE FULLTEXT INDEX catalog_names IF NOT EXISTS FOR (n:Song|Album|Artist) ON EACH [n.name];
