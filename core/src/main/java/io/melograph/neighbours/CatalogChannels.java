package io.melograph.neighbours;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The item-level graph channels computed for one song from the {@link CatalogGraph} in memory: for each channel the
 * same walk, fan-out caps, scores, paths and details as its query in {@code cypher/recall/} gives for that song alone
 * (the neighbour build's parity test compares both). Where a query takes "the first 300" links of a hub to bound its
 * cost, this takes all of them: a hub's songs are ranked once, not once per song.
 */
public final class CatalogChannels {
    /** The channels computed here, by the names recall gives them. */
    public static final Set<String> NAMES = Set.of("kg-same-artist", "kg-same-album", "kg-band-members", "kg-same-writer", "kg-tags",
            "kg-artist-tags", "kg-co-listened", "kg-videos", "kg-playlists", "kg-watched-songs", "pl-with-your-songs");
    /** The channels kept as vias over hubs' song lists ({@link #vias}, {@link #hubSongs}): a hub's list is stored once. */
    public static final Set<String> HUBS = Set.of("kg-same-artist", "kg-same-album", "kg-band-members", "kg-same-writer", "kg-tags",
            "kg-artist-tags", "kg-playlists");
    /** The channels that also start from artists (a listener's favourite artists): their lists are kept per artist too. */
    public static final Set<String> FROM_ARTISTS = Set.of("kg-same-artist", "kg-band-members", "kg-artist-tags");
    /** The channel that starts from watched videos and MLOGs: its lists are kept per video and MLOG, not per song. */
    public static final String FROM_VIDEOS = "kg-watched-songs";
    /** Most neighbours taken at any one hop, as the queries' {@code $fanout}. */
    private static final int FANOUT = 50;
    /** Songs taken from each playlist holding the seed. */
    private static final int PLAYLIST_SONGS = 30;
    private static final int[] NO_PATH = new int[0];

    private final CatalogGraph g;
    /**
     * Per hub its most listened songs, computed once, when first needed: an artist's (performed or on its albums), a
     * person's credited songs, a tag's songs.
     */
    private final AtomicReferenceArray<int[]> artistSongs, personSongs, tagSongs;

    public CatalogChannels(CatalogGraph graph) {
        this.g = graph;
        this.artistSongs = new AtomicReferenceArray<>(graph.nodes());
        this.personSongs = new AtomicReferenceArray<>(graph.nodes());
        this.tagSongs = new AtomicReferenceArray<>(graph.nodes());
    }

    /** The catalog the lists are computed from. */
    CatalogGraph graph() {
        return g;
    }

    /**
     * The seed's neighbours in the channel (one of {@link #NAMES}), best first, at most {@code limit}: the seed is a
     * song, or an artist in {@link #FROM_ARTISTS}, or a video or MLOG in {@link #FROM_VIDEOS}. A seed that is not one the
     * channel starts from has no neighbours there.
     */
    public List<Neighbour> neighbours(String channel, int song, int limit) {
        if (!startsFrom(channel, song)) {
            return List.of();
        }
        NeighbourRows rows = new NeighbourRows(g);
        if (HUBS.contains(channel)) {
            for (Via v : vias(channel, song)) {
                rows.add(song, v, hubSongs(channel, v.hub()));
            }
            return rows.best(song, limit);
        }
        switch (channel) {
            case "kg-co-listened" -> coListened(song, rows);
            case "kg-videos" -> videos(song, rows);
            case "pl-with-your-songs" -> playlistsHolding(song, rows);
            case FROM_VIDEOS -> watchedSongs(song, rows);
            default -> throw new IllegalArgumentException("no catalog computation for channel " + channel);
        }
        return rows.best(song, limit);
    }

    /**
     * How the seed reaches its neighbours in a channel of {@link #HUBS}, in the order its query finds them: through which
     * hubs, with what weights. The store keeps these and each hub's songs ({@link #hubSongs}), not every song's list.
     */
    public List<Via> vias(String channel, int seed) {
        if (!startsFrom(channel, seed)) {
            return List.of();
        }
        return switch (channel) {
            case "kg-same-artist" -> sameArtist(seed);
            case "kg-same-album" -> sameAlbum(seed);
            case "kg-band-members" -> bandMembers(seed);
            case "kg-same-writer" -> sameWriter(seed);
            case "kg-tags" -> tags(seed);
            case "kg-artist-tags" -> artistTags(seed);
            case "kg-playlists" -> playlists(seed);
            default -> throw new IllegalArgumentException(channel + " is not a hub channel");
        };
    }

    /** The hub's songs a {@link Via} of the channel reads, in the order its query takes them. */
    public int[] hubSongs(String channel, int hub) {
        return switch (channel) {
            case "kg-same-artist", "kg-band-members", "kg-artist-tags" -> topSongs(hub, FANOUT);
            case "kg-same-album" -> first(g.tracks, hub, FANOUT + 1);
            case "kg-same-writer" -> mostListened(personSongs, g.credited, hub, FANOUT);
            case "kg-tags" -> mostListened(tagSongs, g.tagged, hub, FANOUT + 1);
            case "kg-playlists" -> first(g.playlistSongs, hub, PLAYLIST_SONGS + 1);
            default -> throw new IllegalArgumentException(channel + " is not a hub channel");
        };
    }

    /**
     * The seed whose vias this seed's equal in the channel: in the channels that also start from artists, a song of
     * one artist reaches what that artist reaches (the song itself left out when read), so the store keeps them once.
     * Otherwise the seed itself.
     */
    public int sharesVias(String channel, int seed) {
        if (FROM_ARTISTS.contains(channel) && g.isSong(seed)) {
            Map<Integer, Double> artists = artists(seed);
            if (artists.size() == 1 && artists.values().iterator().next() == 1.0) {
                return artists.keySet().iterator().next();
            }
        }
        return seed;
    }

    // Same artist: the song's artists (performers, else its albums' artists; three at most), their most listened songs.
    private List<Via> sameArtist(int s) {
        List<Via> out = new ArrayList<>();
        artists(s).forEach((a, w) -> out.add(Via.of(a, FANOUT, FANOUT, w, null)));
        return out;
    }

    // Same album: the other tracks of the song's albums (three albums, fifty tracks each).
    private List<Via> sameAlbum(int s) {
        List<Via> out = new ArrayList<>();
        for (int l = g.albums.from(s); l < Math.min(g.albums.to(s), g.albums.from(s) + 3); l++) {
            out.add(Via.of(g.albums.target(l), FANOUT + 1, FANOUT, 1, null));
        }
        return out;
    }

    // Band members: artists linked to the song's artists by membership (one or two MEMBER_OF links), their top 20 songs.
    private List<Via> bandMembers(int s) {
        Map<Integer, Via.Sum> linked = new LinkedHashMap<>();
        for (var a : artists(s).entrySet()) {
            Map<Integer, String> roles = new LinkedHashMap<>();
            Adjacency m = g.members;
            for (int l = m.from(a.getKey()); l < m.to(a.getKey()); l++) {
                int x = m.target(l);
                if (x != a.getKey()) {
                    roles.merge(x, m.kind(l) == CatalogGraph.OUT ? "band-of" : "member-of", CatalogChannels::min);
                }
                for (int l2 = m.from(x); l2 < m.to(x); l2++) {
                    int y = m.target(l2);
                    if (y != a.getKey()) {
                        roles.merge(y, "shares-member", CatalogChannels::min);
                    }
                }
            }
            roles.entrySet().stream().limit(FANOUT).forEach(b -> linked.computeIfAbsent(b.getKey(), k -> new Via.Sum())
                    .add(a.getValue(), new int[] {a.getKey()}, b.getValue()));
        }
        List<Via> out = new ArrayList<>();
        linked.forEach((b, v) -> out.add(v.via(b, 20)));
        return out;
    }

    // Same writer or producer: five credits of the song, each person's fifty most listened credited songs.
    private List<Via> sameWriter(int s) {
        Map<Integer, double[]> weights = new LinkedHashMap<>();
        Map<Integer, String> roles = new LinkedHashMap<>();
        Adjacency credits = g.credits;
        for (int l = credits.from(s); l < Math.min(credits.to(s), credits.from(s) + 5); l++) {
            int p = credits.target(l);
            weights.computeIfAbsent(p, k -> new double[1])[0] += 1;
            roles.putIfAbsent(p, credits.kind(l) == CatalogGraph.WRITTEN ? "WRITTEN_BY" : "PRODUCED_BY");
        }
        List<Via> out = new ArrayList<>();
        weights.forEach((p, w) -> out.add(Via.of(p, FANOUT, FANOUT, w[0], roles.get(p))));
        return out;
    }

    // Tags and genres: the song's ten rarest, each tag's fifty most listened songs, weighed by the tag's rarity.
    private List<Via> tags(int s) {
        List<Via> out = new ArrayList<>();
        for (int t : rarestTags(s)) {
            // one more than taken: the song itself is left out first
            out.add(Via.of(t, FANOUT + 1, FANOUT, g.rarity(t), g.is(t, CatalogGraph.GENRE) ? "genre" : "tag"));
        }
        return out;
    }

    // Artist tags: artists sharing the rare tags of the song's artists, the 50 strongest of them, five songs each.
    private List<Via> artistTags(int s) {
        Map<Integer, Via.Sum> linked = new LinkedHashMap<>();
        for (var seedArtist : artists(s).entrySet()) {
            int a = seedArtist.getKey();
            Map<Integer, double[]> shared = new LinkedHashMap<>(); // per artist b: the summed rarity of the shared tags
            Map<Integer, Integer> firstTag = new LinkedHashMap<>();
            for (int t : rarestTags(a)) {
                double idf = g.rarity(t);
                int taken = 0;
                for (int l = g.tagged.from(t); l < Math.min(g.tagged.to(t), g.tagged.from(t) + 500) && taken < FANOUT; l++) {
                    int b = g.tagged.target(l);
                    if (g.is(b, CatalogGraph.ARTIST) && b != a) {
                        taken++;
                        shared.computeIfAbsent(b, k -> new double[1])[0] += idf;
                        firstTag.putIfAbsent(b, t);
                    }
                }
            }
            for (var b : shared.entrySet()) {
                linked.computeIfAbsent(b.getKey(), k -> new Via.Sum())
                        .add(seedArtist.getValue() * b.getValue()[0], new int[] {a, firstTag.get(b.getKey())}, null);
            }
        }
        return linked.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, Via.Sum> e) -> -e.getValue().strength()).thenComparing(e -> g.id(e.getKey())))
                .limit(FANOUT)
                .map(b -> b.getValue().via(b.getKey(), 5))
                .toList();
    }

    // Playlists: ten playlists holding the song, thirty of their other songs, a short playlist weighing more.
    private List<Via> playlists(int s) {
        List<Via> out = new ArrayList<>();
        for (int l = g.playlists.from(s); l < Math.min(g.playlists.to(s), g.playlists.from(s) + 10); l++) {
            int p = g.playlists.target(l);
            out.add(Via.of(p, PLAYLIST_SONGS + 1, PLAYLIST_SONGS, 1.0 / Math.log(2 + g.playlistSongs.degree(p)), null));
        }
        return out;
    }

    /** The first {@code n} targets of the node's links, in link order. */
    private static int[] first(Adjacency links, int node, int n) {
        int[] out = new int[Math.min(n, links.degree(node))];
        for (int i = 0; i < out.length; i++) {
            out[i] = links.target(links.from(node) + i);
        }
        return out;
    }

    // Co-listened: the fifty songs most often played in the same sessions as the song.
    private void coListened(int s, NeighbourRows rows) {
        Adjacency co = g.coListened;
        Integer[] links = new Integer[Math.min(co.degree(s), 500)];
        for (int i = 0; i < links.length; i++) {
            links[i] = co.from(s) + i;
        }
        Arrays.sort(links, Comparator.comparingDouble(l -> -co.weight(l)));
        for (int i = 0; i < Math.min(links.length, FANOUT); i++) {
            int l = links[i];
            double together = co.weight(l);
            String detail = co.kind(l) == CatalogGraph.WHOLE ? Long.toString((long) together) : Double.toString(together);
            rows.add(co.target(l), Math.log(1 + together), 1, Math.log(1 + together), NO_PATH, -1, detail);
        }
    }

    // Videos and MLOGs featuring or using the song.
    private void videos(int s, NeighbourRows rows) {
        for (int l = g.videos.from(s); l < Math.min(g.videos.to(s), g.videos.from(s) + FANOUT); l++) {
            rows.add(g.videos.target(l), 1, 1, 1, NO_PATH, -1, null);
        }
    }

    // Playlists holding the song (fifty), a short playlist weighing more.
    private void playlistsHolding(int s, NeighbourRows rows) {
        for (int l = g.playlists.from(s); l < Math.min(g.playlists.to(s), g.playlists.from(s) + FANOUT); l++) {
            int p = g.playlists.target(l);
            double strength = 1.0 / Math.log(2 + g.playlistSongs.degree(p));
            rows.add(p, strength, 1, strength, NO_PATH, -1, null);
        }
    }

    /** Whether the channel's lists start from this node: songs, artists for some channels, videos and MLOGs for one. */
    public boolean startsFrom(String channel, int node) {
        if (channel.equals(FROM_VIDEOS)) {
            return g.is(node, CatalogGraph.VIDEO | CatalogGraph.MLOG);
        }
        return g.isSong(node) || FROM_ARTISTS.contains(channel) && g.is(node, CatalogGraph.ARTIST);
    }

    /** Every node some channel starts from: songs, artists, videos and MLOGs. */
    public int[] seeds() {
        return g.all(CatalogGraph.SONG | CatalogGraph.ARTIST | CatalogGraph.VIDEO | CatalogGraph.MLOG);
    }

    // Songs of a watched video or MLOG: the songs it features or uses (twenty at most).
    private void watchedSongs(int v, NeighbourRows rows) {
        String kind = g.is(v, CatalogGraph.VIDEO) ? "video" : "MLOG";
        for (int l = g.videoSongs.from(v); l < Math.min(g.videoSongs.to(v), g.videoSongs.from(v) + 20); l++) {
            rows.add(g.videoSongs.target(l), 1, 1, 1, NO_PATH, -1, kind);
        }
    }

    /**
     * The seed's artists as the queries pick them: an artist seed itself; a song's performers, else its albums'
     * artists; the first three, by how often listed.
     */
    private Map<Integer, Double> artists(int s) {
        if (!g.isSong(s)) {
            return Map.of(s, 1.0);
        }
        List<Integer> picked = new ArrayList<>();
        for (int l = g.performers.from(s); l < g.performers.to(s); l++) {
            picked.add(g.performers.target(l));
        }
        if (picked.isEmpty()) {
            for (int l = g.albums.from(s); l < g.albums.to(s); l++) {
                int al = g.albums.target(l);
                for (int b = g.albumArtists.from(al); b < g.albumArtists.to(al); b++) {
                    if (!picked.contains(g.albumArtists.target(b))) {
                        picked.add(g.albumArtists.target(b));
                    }
                }
            }
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        picked.stream().limit(3).forEach(a -> out.merge(a, 1.0, Double::sum));
        return out;
    }

    /** The artist's {@code n} most listened songs, performed or on its albums. */
    private int[] topSongs(int artist, int n) {
        int[] all = cached(artistSongs, artist, a -> {
            LinkedHashSet<Integer> songs = new LinkedHashSet<>();
            for (int l = g.performed.from(a); l < g.performed.to(a); l++) {
                songs.add(g.performed.target(l));
            }
            for (int l = g.artistAlbums.from(a); l < g.artistAlbums.to(a); l++) {
                int al = g.artistAlbums.target(l);
                for (int t = g.tracks.from(al); t < g.tracks.to(al); t++) {
                    songs.add(g.tracks.target(t));
                }
            }
            return mostListened(songs, FANOUT);
        });
        return all.length <= n ? all : Arrays.copyOf(all, n);
    }

    /** The {@code n} most listened songs the node links to (once per link), in link order among equals; kept per node. */
    private int[] mostListened(AtomicReferenceArray<int[]> cache, Adjacency links, int node, int n) {
        return cached(cache, node, x -> {
            List<Integer> found = new ArrayList<>();
            for (int l = links.from(x); l < links.to(x); l++) {
                if (g.isSong(links.target(l))) {
                    found.add(links.target(l));
                }
            }
            return mostListened(found, n);
        });
    }

    /** The hub's list from the cache, computed and kept the first time (two threads may both compute it: the same list). */
    private static int[] cached(AtomicReferenceArray<int[]> cache, int hub, IntFunction<int[]> compute) {
        int[] list = cache.get(hub);
        if (list == null) {
            list = compute.apply(hub);
            cache.set(hub, list);
        }
        return list;
    }

    private int[] mostListened(java.util.Collection<Integer> songs, int n) {
        return songs.stream().sorted(Comparator.comparingInt(c -> -g.listens(c))).limit(n).mapToInt(Integer::intValue).toArray();
    }

    /** The node's ten rarest tags and genres, rarest first (ties by id). */
    private int[] rarestTags(int node) {
        List<Integer> tags = new ArrayList<>();
        for (int l = g.tags.from(node); l < g.tags.to(node); l++) {
            if (!tags.contains(g.tags.target(l))) {
                tags.add(g.tags.target(l));
            }
        }
        return tags.stream().sorted(Comparator.comparingDouble((Integer t) -> -g.rarity(t)).thenComparing(g::id))
                .limit(10).mapToInt(Integer::intValue).toArray();
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
