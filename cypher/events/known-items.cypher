// Ids of every item events may name, with its label.
MATCH (n:Song) RETURN 'Song' AS label, n.id AS id
UNION ALL MATCH (n:Video) RETURN 'Video' AS label, n.id AS id
UNION ALL MATCH (n:Mlog) RETURN 'Mlog' AS label, n.id AS id
UNION ALL MATCH (n:Playlist) RETURN 'Playlist' AS label, n.id AS id;
