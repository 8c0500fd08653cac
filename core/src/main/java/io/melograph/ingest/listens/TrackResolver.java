package io.melograph.ingest.listens;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the catalog song of a listen: by MusicBrainz recording id, then by normalised artist and title ({@link NameKey}).
 * A listen the catalog has no song for gets a new song id (and, when the artist is missing too, a new artist id),
 * remembered in {@link #unresolved()} so the import can create them, marked {@code unresolved}. Ids of new nodes
 * derive from the MBID or the normalised names, so the same history resolves to the same ids every time.
 */
final class TrackResolver {
    /** How a listen was resolved. */
    enum How { MBID, NAME, CREATED }

    /** A song to create (and its artist, which may exist already). */
    record NewSong(String songId, String songName, String songMbid, String artistId, String artistName, String artistMbid) {}

    record Resolution(String songId, How how) {}

    private final Map<String, String> songByMbid = new HashMap<>();
    private final Map<String, String> songByName = new HashMap<>();
    private final Map<String, String> artistByMbid = new HashMap<>();
    private final Map<String, String> artistByName = new HashMap<>();
    /** Recording MBIDs seen next to a name key in this import, so listens without one resolve alike. */
    private final Map<String, String> mbidByName = new HashMap<>();
    private final Map<String, Resolution> resolved = new HashMap<>();
    private final Map<String, NewSong> unresolved = new LinkedHashMap<>();
    /**
     * An encyclopaedia's disambiguation at the end of a catalog title ("All the Madmen (song)", "After All (Cher and
     * Peter Cetera song)"), which no player shows: a listen of "All the Madmen" is that song.
     */
    static final Pattern DISAMBIGUATION = Pattern.compile("\\s*\\([^()]*\\b(?:song|single)\\)$", Pattern.CASE_INSENSITIVE);

    /** Loads the catalog's songs and artists (ids, names, MBIDs) from the graph. */
    static TrackResolver load(GraphConnection graph) {
        TrackResolver r = new TrackResolver();
        try (Session s = graph.readSession()) {
            Map<String, String> plain = new HashMap<>();
            s.run(CypherFile.load("ingest/listen-songs.cypher").statement()).forEachRemaining(rec -> {
                String id = rec.get("id").asString();
                String mbid = text(rec.get("mbid"));
                if (mbid != null) {
                    r.songByMbid.merge(mbid.toLowerCase(), id, TrackResolver::smaller);
                }
                String name = text(rec.get("name"));
                for (Value artist : rec.get("artists").values()) {
                    r.songByName.merge(NameKey.track(artist.asString(), name), id, TrackResolver::smaller);
                    if (name != null && DISAMBIGUATION.matcher(name).find()) {
                        plain.merge(NameKey.track(artist.asString(), DISAMBIGUATION.matcher(name).replaceFirst("")), id, TrackResolver::smaller);
                    }
                }
            });
            plain.forEach(r.songByName::putIfAbsent); // a song titled exactly so comes first
            s.run(CypherFile.load("ingest/listen-artists.cypher").statement()).forEachRemaining(rec -> {
                String id = rec.get("id").asString();
                String mbid = text(rec.get("mbid"));
                if (mbid != null) {
                    r.artistByMbid.merge(mbid.toLowerCase(), id, TrackResolver::smaller);
                }
                String name = NameKey.of(text(rec.get("name")));
                if (!name.isEmpty()) {
                    r.artistByName.merge(name, id, TrackResolver::smaller);
                }
            });
        }
        return r;
    }

    /** First pass: a recording MBID seen with a name key lets the listens of that track without one resolve alike. */
    void observe(Listen l) {
        if (l.trackMbid() != null) {
            mbidByName.putIfAbsent(NameKey.track(l.artistName(), l.trackName()), l.trackMbid());
        }
    }

    Resolution resolve(Listen l) {
        String nameKey = NameKey.track(l.artistName(), l.trackName());
        String mbid = l.trackMbid() != null ? l.trackMbid() : mbidByName.get(nameKey);
        return resolved.computeIfAbsent(mbid != null ? "mbid " + mbid : "name " + nameKey, k -> {
            if (mbid != null && songByMbid.containsKey(mbid)) {
                return new Resolution(songByMbid.get(mbid), How.MBID);
            }
            String byName = songByName.get(nameKey);
            if (byName != null) {
                return new Resolution(byName, How.NAME);
            }
            String artistId = artist(l);
            String songId = "listen:song:" + (mbid != null ? mbid : digest(nameKey));
            unresolved.put(songId, new NewSong(songId, l.trackName(), mbid, artistId, l.artistName(), l.artistMbid()));
            return new Resolution(songId, How.CREATED);
        });
    }

    private String artist(Listen l) {
        if (l.artistMbid() != null && artistByMbid.containsKey(l.artistMbid())) {
            return artistByMbid.get(l.artistMbid());
        }
        String byName = artistByName.get(NameKey.of(l.artistName()));
        if (byName != null) {
            return byName;
        }
        return "listen:artist:" + (l.artistMbid() != null ? l.artistMbid() : digest(NameKey.of(l.artistName())));
    }

    /** Songs to create, in the order first met. */
    List<NewSong> unresolved() {
        return new ArrayList<>(unresolved.values());
    }

    static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String smaller(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b; // several catalog songs by one name: the same one every time
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
