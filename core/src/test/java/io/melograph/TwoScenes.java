package io.melograph;

import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A graph where the nearest neighbours are obvious: two scenes ("a" and "b") that share nothing. Each has two
 * artists with six songs each (songs of an artist share an album), one writer and one tag for the whole scene, and
 * a listener who plays the scene's songs (song 1 of the first artist most). Ids: {@code a-song-1-3} is song 3 of
 * artist {@code a-artist-1}, on album {@code a-album-1}; the listener is {@code a-user}.
 */
public final class TwoScenes {
    public static final List<String> SCENES = List.of("a", "b");
    public static final int ARTISTS = 2;
    public static final int SONGS = 6;

    private TwoScenes() {}

    public static void write(GraphConnection graph) {
        List<Map<String, Object>> songs = new ArrayList<>();
        for (String scene : SCENES) {
            for (int a = 1; a <= ARTISTS; a++) {
                for (int s = 1; s <= SONGS; s++) {
                    songs.add(Map.of("scene", scene, "artist", a, "song", s, "plays", a == 1 && s == 1 ? 40 : 1 + s));
                }
            }
        }
        try (Session s = graph.session()) {
            s.run("""
                    UNWIND $songs AS row
                    MERGE (artist:Artist {id: row.scene + '-artist-' + row.artist}) SET artist.name = 'Artist ' + row.scene + row.artist
                    MERGE (album:Album {id: row.scene + '-album-' + row.artist}) SET album.name = 'Album ' + row.scene + row.artist
                    MERGE (album)-[:BY]->(artist)
                    MERGE (writer:Person {id: row.scene + '-writer'})
                    MERGE (tag:Tag {id: row.scene + '-tag'})
                    MERGE (user:User {id: row.scene + '-user'})
                    MERGE (song:Song {id: row.scene + '-song-' + row.artist + '-' + row.song})
                    SET song.name = 'Song ' + row.scene + row.artist + '-' + row.song
                    MERGE (song)-[:PERFORMED_BY]->(artist)
                    MERGE (song)-[:ON_ALBUM]->(album)
                    MERGE (song)-[:WRITTEN_BY]->(writer)
                    MERGE (song)-[:TAGGED {weight: 1.0}]->(tag)
                    MERGE (user)-[:LISTENED {plays: row.plays}]->(song)
                    """, Map.of("songs", songs)).consume();
        }
    }

    /** The scene of an id ({@code a-song-1-3} → {@code a}). */
    public static String scene(String id) {
        return id.substring(0, id.indexOf('-'));
    }
}
