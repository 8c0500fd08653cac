// An import wrote the catalog: the processes that keep it in memory (ItemCatalog) reload when this number moves, so an
// edit that adds nothing (a song's genre corrected) is seen too, which the item counts alone miss.
MERGE (v:CatalogVersion {name: 'catalog'})
SET v.catalogVersion = coalesce(v.catalogVersion, 0) + 1, v.changedAt = datetime();
