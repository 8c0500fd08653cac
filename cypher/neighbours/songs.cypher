// Every song of the catalog with its name: the songs whose neighbour lists the neighbour store keeps.
MATCH (s:Song)
RETURN s.id AS id, s.name AS name
ORDER BY id
