// Search by name across the catalog: CALL db.index.fulltext.queryNodes('catalog_names', 'beatles~')
// Eventually consistent: Lucene updates run after commit, so bulk imports do not wait on them.
CREATE FULLTEXT INDEX catalog_names IF NOT EXISTS FOR (n:Song|Album|Artist) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
