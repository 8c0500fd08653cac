package io.melograph.neighbours;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.util.IntList;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the graph the item-level recall channels walk, in memory as primitive arrays: songs, artists, albums,
 * people, tags, genres, videos, MLOGs and playlists, and the links between them, read with two streaming queries
 * ({@code cypher/neighbours/}). The neighbour build computes every song's lists from it ({@link CatalogChannels})
 * instead of asking the graph once per song and channel, which at a million songs would take most of a day.
 */
public final class CatalogGraph implements NeighbourRows.Nodes {
    /** Node kinds, one bit each (a node may have several labels), in the order of {@link #LABELS}. */
    static final int SONG = 1, ARTIST = 2, ALBUM = 4, PERSON = 8, TAG = 16, GENRE = 32, VIDEO = 64, MLOG = 128, PLAYLIST = 256;
    private static final List<String> LABELS = List.of("Song", "Artist", "Album", "Person", "Tag", "Genre", "Video", "Mlog", "Playlist");
    /** Link kinds kept on a link: a credit's role, a membership's direction, whether a co-listen weight is whole. */
    static final byte WRITTEN = 0, PRODUCED = 1, OUT = 0, IN = 1, WHOLE = 1;

    private final String[] ids;
    private final String[] names;
    private final int[] kinds;
    /** A song's listeners, a tag's or genre's tagged things. */
    private final int[] counts;
    /** Per tag and genre: idf^3 as the tag channels weigh it. */
    private final double[] rarity;
    final Adjacency performers, performed, albums, tracks, albumArtists, artistAlbums, credits, credited, tags, tagged,
            coListened, videos, videoSongs, playlists, playlistSongs, members;

    private CatalogGraph(String[] ids, String[] names, int[] kinds, int[] counts, Links l) {
        this.ids = ids;
        this.names = names;
        this.kinds = kinds;
        this.counts = counts;
        long sa = 0;
        for (int k : kinds) {
            sa += (k & SONG) != 0 || (k & ARTIST) != 0 ? 1 : 0;
        }
        this.rarity = new double[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            if ((kinds[i] & (TAG | GENRE)) != 0 && counts[i] > 0) {
                rarity[i] = Math.pow(Math.log(1 + (double) sa / counts[i]), 3);
            }
        }
        int n = ids.length;
        performers = l.performers.build(n);
        performed = l.performed.build(n);
        albums = l.albums.build(n);
        tracks = l.tracks.build(n);
        albumArtists = l.albumArtists.build(n);
        artistAlbums = l.artistAlbums.build(n);
        credits = l.credits.build(n);
        credited = l.credited.build(n);
        tags = l.tags.build(n);
        tagged = l.tagged.build(n);
        coListened = l.coListened.build(n);
        videos = l.videos.build(n);
        videoSongs = l.videoSongs.build(n);
        playlists = l.playlists.build(n);
        playlistSongs = l.playlistSongs.build(n);
        members = l.members.build(n);
    }

    /** Reads the catalog part of the graph (two streaming read queries). */
    public static CatalogGraph load(GraphConnection graph) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        IntList kinds = new IntList();
        IntList counts = new IntList();
        Map<String, Integer> index = new HashMap<>();
        try (Session s = graph.readSession()) { // streamed into collections: run once, never retried
            Result r = s.run(CypherFile.load("neighbours/nodes.cypher").statement());
            while (r.hasNext()) {
                Record row = r.next();
                Value id = row.get("id");
                if (id.isNull() || index.containsKey(id.asString())) {
                    continue; // no id: no channel can name it
                }
                index.put(id.asString(), ids.size());
                ids.add(id.asString());
                names.add(row.get("name").isNull() ? null : row.get("name").asString());
                int k = 0;
                for (String label : row.get("kinds").asList(Value::asString)) {
                    k |= 1 << LABELS.indexOf(label);
                }
                kinds.add(k);
                counts.add((int) row.get("count").asLong());
            }
        }
        int[] k = kinds.toArray();
        Links links = new Links();
        try (Session s = graph.readSession()) { // streamed into collections: run once, never retried
            Result r = s.run(CypherFile.load("neighbours/links.cypher").statement());
            TypeSystem types = TypeSystem.getDefault();
            while (r.hasNext()) {
                Record row = r.next();
                Integer a = index.get(text(row.get("from")));
                Integer b = index.get(text(row.get("to")));
                if (a != null && b != null) {
                    Value w = row.get("weight");
                    links.add(row.get("type").asString(), a, b, k[a], k[b], w.isNull() ? 0 : w.asDouble(),
                            w.hasType(types.INTEGER()) ? WHOLE : 0);
                }
            }
        }
        return new CatalogGraph(ids.toArray(String[]::new), names.toArray(String[]::new), k, counts.toArray(), links);
    }

    private static String text(Value v) {
        return v.isNull() ? "" : v.asString();
    }

    /** The links by kind as they are read, sorted into {@link Adjacency} arrays once all are in. */
    private static final class Links {
        final Adjacency.Builder performers = new Adjacency.Builder(), performed = new Adjacency.Builder(),
                albums = new Adjacency.Builder(), tracks = new Adjacency.Builder(), albumArtists = new Adjacency.Builder(),
                artistAlbums = new Adjacency.Builder(), credits = new Adjacency.Builder(), credited = new Adjacency.Builder(),
                tags = new Adjacency.Builder(), tagged = new Adjacency.Builder(), coListened = new Adjacency.Builder(),
                videos = new Adjacency.Builder(), videoSongs = new Adjacency.Builder(), playlists = new Adjacency.Builder(), playlistSongs = new Adjacency.Builder(),
                members = new Adjacency.Builder();

        void add(String type, int a, int b, int ka, int kb, double weight, byte whole) {
            switch (type) {
                case "PERFORMED_BY" -> {
                    if (has(ka, SONG) && has(kb, ARTIST)) {
                        performers.add(a, b, 0, (byte) 0);
                        performed.add(b, a, 0, (byte) 0);
                    }
                }
                case "ON_ALBUM" -> {
                    if (has(ka, SONG) && has(kb, ALBUM)) {
                        albums.add(a, b, 0, (byte) 0);
                        tracks.add(b, a, 0, (byte) 0);
                    }
                }
                case "BY" -> {
                    if (has(ka, ALBUM) && has(kb, ARTIST)) {
                        albumArtists.add(a, b, 0, (byte) 0);
                        artistAlbums.add(b, a, 0, (byte) 0);
                    }
                }
                case "WRITTEN_BY", "PRODUCED_BY" -> {
                    if (has(ka, SONG) && has(kb, PERSON)) {
                        byte role = type.equals("WRITTEN_BY") ? WRITTEN : PRODUCED;
                        credits.add(a, b, 0, role);
                        credited.add(b, a, 0, role);
                    }
                }
                case "TAGGED", "HAS_GENRE" -> {
                    if (has(ka, SONG | ARTIST) && has(kb, TAG | GENRE)) {
                        tags.add(a, b, 0, (byte) 0);
                        tagged.add(b, a, 0, (byte) 0);
                    }
                }
                case "CO_LISTENED" -> {
                    if (has(ka, SONG) && has(kb, SONG)) { // walked in both directions
                        coListened.add(a, b, weight, whole);
                        coListened.add(b, a, weight, whole);
                    }
                }
                case "FEATURES", "USES" -> {
                    if (has(ka, VIDEO | MLOG) && has(kb, SONG)) {
                        videos.add(b, a, 0, (byte) 0);
                        videoSongs.add(a, b, 0, (byte) 0);
                    }
                }
                case "CONTAINS" -> {
                    if (has(ka, PLAYLIST) && has(kb, SONG)) {
                        playlists.add(b, a, 0, (byte) 0);
                        playlistSongs.add(a, b, 0, (byte) 0);
                    }
                }
                case "MEMBER_OF" -> {
                    if (has(ka, ARTIST) && has(kb, ARTIST)) {
                        members.add(a, b, 0, OUT);
                        members.add(b, a, 0, IN);
                    }
                }
                default -> { }
            }
        }
    }

    public int nodes() {
        return ids.length;
    }

    public String id(int node) {
        return ids[node];
    }

    /** The node's name; null when it has none. */
    public String name(int node) {
        return names[node];
    }

    /** Whether the node is of one of these kinds. */
    boolean is(int node, int kinds) {
        return has(this.kinds[node], kinds);
    }

    private static boolean has(int nodeKinds, int kinds) {
        return (nodeKinds & kinds) != 0;
    }

    /** What a node is called in answers, as the channels' queries say it: song, video, mlog, playlist (else artist, or node). */
    public String type(int node) {
        return is(node, SONG) ? "song" : is(node, VIDEO) ? "video" : is(node, MLOG) ? "mlog" : is(node, PLAYLIST) ? "playlist"
                : is(node, ARTIST) ? "artist" : "node";
    }

    boolean isSong(int node) {
        return is(node, SONG);
    }

    /** A song's listeners. */
    int listens(int node) {
        return counts[node];
    }

    /** The tag's rarity as the tag channels weigh it: idf^3, idf = ln(1 + songs and artists / things with the tag). */
    double rarity(int tag) {
        return rarity[tag];
    }

    /** Every song, in the order read. */
    public int[] songs() {
        return all(SONG);
    }

    /** Every node of these kinds, in the order read. */
    int[] all(int kinds) {
        int[] out = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (has(this.kinds[i], kinds)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
