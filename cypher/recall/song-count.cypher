// How many songs the catalog has (from the count store: no scan), so the interest model's watch for new songs reads
// the song ids only when the catalog changed.
MATCH (s:Song)
RETURN count(s) AS songs
