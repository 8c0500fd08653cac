// The one catalog version node (ingest/catalog-changed.cypher): two imports creating it at once must not make two.
CREATE CONSTRAINT catalog_version_name IF NOT EXISTS FOR (v:CatalogVersion) REQUIRE v.name IS UNIQUE;
