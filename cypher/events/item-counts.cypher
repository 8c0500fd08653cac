// How many items of each kind events may name (answered from the count store), to notice catalog changes cheaply.
CALL { MATCH (n:Song) RETURN count(n) AS songs }
CALL { MATCH (n:Video) RETURN count(n) AS videos }
CALL { MATCH (n:Mlog) RETURN count(n) AS mlogs }
CALL { MATCH (n:Playlist) RETURN count(n) AS playlists }
RETURN [songs, videos, mlogs, playlists] AS counts;
