// Artists a listen can resolve to: by MusicBrainz artist id, else by normalised name.
MATCH (a:Artist)
RETURN a.id AS id, a.name AS name, a.mbid AS mbid;
