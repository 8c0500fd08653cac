package io.melograph.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything the simulation starts from, made once per seed: listeners (names, countries, registration, activity,
 * traits, starting taste), friend links, playlists, videos and MLOGs. All synthetic ids start with "sim:".
 * <p>
 * <b>Listeners.</b> Activity is log-normal with σ 0.9 and mean 1 (a few heavy listeners, many light ones, as in every
 * usage log). 85 % of accounts were made in the two years before the start, 15 % during the first three quarters of
 * the simulated period (they act only from then on: cold-start users exist). Per-listener traits on the logit scale:
 * skipping N(0, 0.5), clicking N(0, 0.4), liking N(0, 0.6).
 * <p>
 * <b>Friends</b>: {@code users × friendsPerUser / 2} mutual links. For each, a random listener picks, among 6 random
 * others, the one sharing the most favourite artists and genres (plus a little noise): friends tend to have similar
 * taste (homophily) without being copies.
 * <p>
 * <b>Playlists</b>: a creator (drawn by activity) fills 10–30 songs through their own taste. <b>Videos</b> feature one
 * popular song (two in 20 % of them, e.g. a medley), drawn by the popularity prior; they last the song plus 10–40 s.
 * <b>MLOGs</b>: a creator posts a 15–60 s clip over 1–3 songs of their taste.
 */
final class World {
    final Catalog catalog;
    final SimConfig config;
    final int users;
    final String[] userIds;
    final String[] names;
    final int[] country;
    final long[] registeredAt;
    final double[] activity;
    final double[] skipTrait;
    final double[] clickTrait;
    final double[] likeTrait;
    final Taste[] tastes;
    final int[][] friends;

    final String[] playlistIds;
    final String[] playlistNames;
    final int[] playlistCreator;
    final int[][] playlistSongs;
    final int[][] playlistsOf; // per user: playlists they made

    final String[] videoIds;
    final String[] videoNames;
    final int[][] videoSongs;
    final int[] videoDurationMs;

    final String[] mlogIds;
    final String[] mlogNames;
    final int[] mlogCreator;
    final int[][] mlogSongs;
    final int[] mlogDurationMs;
    final int[][] mlogsOfFriends; // per user: MLOGs their friends made

    World(Catalog c, SimConfig config, SplittableRandom rng) {
        this.catalog = c;
        this.config = config;
        this.users = config.users();
        SplittableRandom people = rng.split();
        SplittableRandom tasteRng = rng.split();
        SplittableRandom links = rng.split();
        SplittableRandom things = rng.split();

        userIds = new String[users];
        names = new String[users];
        country = new int[users];
        registeredAt = new long[users];
        activity = new double[users];
        skipTrait = new double[users];
        clickTrait = new double[users];
        likeTrait = new double[users];
        Sampler countries = new Sampler(range(Rhythm.COUNTRIES.length), Rhythm.COUNTRY_SHARE);
        long simMs = config.days() * SimConfig.DAY_MS;
        for (int u = 0; u < users; u++) {
            userIds[u] = userId(config.idPrefix(), u, users);
            names[u] = FIRST[people.nextInt(FIRST.length)] + " " + (char) ('A' + people.nextInt(26)) + ".";
            country[u] = countries.sample(people);
            registeredAt[u] = Rand.chance(people, 0.85)
                    ? config.startMillis() - 1 - people.nextLong(730 * SimConfig.DAY_MS)
                    : config.startMillis() + people.nextLong(Math.max(1, simMs * 3 / 4));
            activity[u] = Math.exp(0.9 * Rand.gaussian(people) - 0.405); // mean 1: E[exp(σZ)] = exp(σ²/2)
            skipTrait[u] = 0.5 * Rand.gaussian(people);
            clickTrait[u] = 0.4 * Rand.gaussian(people);
            likeTrait[u] = 0.6 * Rand.gaussian(people);
        }
        tastes = new Taste[users];
        for (int u = 0; u < users; u++) {
            tastes[u] = Taste.draw(c, tasteRng.split());
        }
        friends = friendLinks(links);

        Sampler byActivity = new Sampler(range(users), activity);
        int p = config.playlists();
        playlistIds = new String[p];
        playlistNames = new String[p];
        playlistCreator = new int[p];
        playlistSongs = new int[p][];
        long day0 = config.startEpochDay();
        for (int i = 0; i < p; i++) {
            int u = byActivity.sample(things);
            playlistIds[i] = config.idPrefix() + "playlist:" + pad(i + 1, 4);
            playlistCreator[i] = u;
            playlistSongs[i] = songsOfTaste(tastes[u], 10 + things.nextInt(21), things, day0);
            playlistNames[i] = playlistName(tastes[u], things);
        }
        playlistsOf = groupBy(playlistCreator, users);

        int v = config.videos();
        videoIds = new String[v];
        videoNames = new String[v];
        videoSongs = new int[v][];
        videoDurationMs = new int[v];
        for (int i = 0; i < v; i++) {
            videoIds[i] = config.idPrefix() + "video:" + pad(i + 1, 4);
            int first = released(c.all, things, day0);
            int second = Rand.chance(things, 0.2) ? released(c.all, things, day0) : first;
            videoSongs[i] = second == first ? new int[] {first} : new int[] {first, second};
            int kind = things.nextInt(VIDEO_KINDS.length);
            videoNames[i] = c.songs[first].title() + (second == first ? "" : " / " + c.songs[second].title())
                    + " (" + VIDEO_KINDS[kind] + ")";
            videoDurationMs[i] = Math.min(c.durationMs[first] + (10 + things.nextInt(31)) * 1000, 25 * 60_000);
        }

        int m = config.mlogs();
        mlogIds = new String[m];
        mlogNames = new String[m];
        mlogCreator = new int[m];
        mlogSongs = new int[m][];
        mlogDurationMs = new int[m];
        for (int i = 0; i < m; i++) {
            int u = byActivity.sample(things);
            mlogIds[i] = config.idPrefix() + "mlog:" + pad(i + 1, 4);
            mlogCreator[i] = u;
            mlogSongs[i] = songsOfTaste(tastes[u], 1 + things.nextInt(3), things, day0);
            mlogNames[i] = names[u].substring(0, names[u].indexOf(' ')) + ": " + MLOG_MOODS[things.nextInt(MLOG_MOODS.length)]
                    + " with " + c.songs[mlogSongs[i][0]].title();
            mlogDurationMs[i] = (15 + things.nextInt(46)) * 1000;
        }
        int[][] mlogsOf = groupBy(mlogCreator, users);
        mlogsOfFriends = new int[users][];
        for (int u = 0; u < users; u++) {
            List<Integer> list = new ArrayList<>();
            for (int f : friends[u]) {
                for (int x : mlogsOf[f]) {
                    list.add(x);
                }
            }
            mlogsOfFriends[u] = list.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    private int[][] friendLinks(SplittableRandom r) {
        long target = users < 2 ? 0 : Math.round(users * config.friendsPerUser() / 2.0);
        target = Math.min(target, (long) users * (users - 1) / 2);
        Set<Long> seen = new HashSet<>(); // membership only
        List<long[]> edges = new ArrayList<>();
        for (long tries = 0; edges.size() < target && tries < target * 20; tries++) {
            int a = r.nextInt(users);
            int best = -1;
            double bestScore = -1;
            for (int k = 0; k < 6; k++) {
                int b = r.nextInt(users);
                if (b == a) {
                    continue;
                }
                double score = tastes[a].similarity(tastes[b]) + r.nextDouble();
                if (score > bestScore) {
                    bestScore = score;
                    best = b;
                }
            }
            if (best < 0) {
                continue;
            }
            long key = (long) Math.min(a, best) * users + Math.max(a, best);
            if (seen.add(key)) {
                edges.add(new long[] {a, best});
            }
        }
        int[] degree = new int[users];
        for (long[] e : edges) {
            degree[(int) e[0]]++;
            degree[(int) e[1]]++;
        }
        int[][] out = new int[users][];
        for (int u = 0; u < users; u++) {
            out[u] = new int[degree[u]];
        }
        int[] fill = new int[users];
        for (long[] e : edges) {
            int a = (int) e[0];
            int b = (int) e[1];
            out[a][fill[a]++] = b;
            out[b][fill[b]++] = a;
        }
        for (int[] f : out) {
            Arrays.sort(f);
        }
        return out;
    }

    private int[] songsOfTaste(Taste t, int n, SplittableRandom r, long day) {
        int[] out = new int[n];
        int size = 0;
        for (int tries = 0; size < n && tries < n * 10; tries++) {
            int s = t.sampleSong(catalog, r, day);
            if (s < 0) {
                s = released(catalog.all, r, day);
            }
            if (s >= 0 && !contains(out, size, s)) {
                out[size++] = s;
            }
        }
        if (size == 0) {
            out[size++] = catalog.all.sample(r);
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private int released(Sampler s, SplittableRandom r, long day) {
        int song = s.sample(r);
        for (int tries = 0; tries < 20 && !catalog.isReleased(song, day); tries++) {
            song = s.sample(r);
        }
        return song;
    }

    private String playlistName(Taste t, SplittableRandom r) {
        String[] pattern = {"%s favourites", "%s for the road", "Late night %s", "%s mix", "Best of %s", "%s on repeat"};
        String theme;
        if (t.genres.length > 0 && Rand.chance(r, 0.6)) {
            theme = catalog.genreNames[t.genres[Taste.pick(t.genreW, r)]];
        } else if (t.tags.length > 0 && Rand.chance(r, 0.5)) {
            theme = catalog.tagNames[t.tags[Taste.pick(t.tagW, r)]];
        } else if (t.artists.length > 0) {
            theme = catalog.artistNames[t.artists[Taste.pick(t.artistW, r)]];
        } else {
            theme = "My";
        }
        theme = label(theme);
        return String.format(pattern[r.nextInt(pattern.length)], theme);
    }

    /** A readable name from an id: the part after the last '/', ':' or '#', underscores as spaces. */
    static String label(String id) {
        int cut = Math.max(id.lastIndexOf('/'), Math.max(id.lastIndexOf(':'), id.lastIndexOf('#')));
        String s = cut >= 0 && cut < id.length() - 1 ? id.substring(cut + 1) : id;
        return s.replace('_', ' ');
    }

    private static int[][] groupBy(int[] owner, int users) {
        int[] count = new int[users];
        for (int o : owner) {
            count[o]++;
        }
        int[][] out = new int[users][];
        for (int u = 0; u < users; u++) {
            out[u] = new int[count[u]];
        }
        int[] fill = new int[users];
        for (int i = 0; i < owner.length; i++) {
            out[owner[i]][fill[owner[i]]++] = i;
        }
        return out;
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** The id of listener {@code u} (from 0) of {@code users}: sim:user:0001 and on (after the run's prefix). */
    static String userId(String prefix, int u, int users) {
        return prefix + "user:" + pad(u + 1, Math.max(4, String.valueOf(users).length()));
    }

    static String pad(int n, int digits) {
        String s = Integer.toString(n);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    List<SimUser> simUsers() {
        List<SimUser> out = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            List<String> fs = new ArrayList<>(friends[u].length);
            for (int f : friends[u]) {
                fs.add(userIds[f]);
            }
            out.add(new SimUser(userIds[u], names[u], Rhythm.COUNTRIES[country[u]], registeredAt[u], fs,
                    tastes[u].toSimTaste(catalog)));
        }
        return out;
    }

    List<SimPlaylist> simPlaylists() {
        List<SimPlaylist> out = new ArrayList<>();
        for (int i = 0; i < playlistIds.length; i++) {
            out.add(new SimPlaylist(playlistIds[i], playlistNames[i], userIds[playlistCreator[i]], songIds(playlistSongs[i])));
        }
        return out;
    }

    List<SimVideo> simVideos() {
        List<SimVideo> out = new ArrayList<>();
        for (int i = 0; i < videoIds.length; i++) {
            out.add(new SimVideo(videoIds[i], videoNames[i], songIds(videoSongs[i])));
        }
        return out;
    }

    List<SimMlog> simMlogs() {
        List<SimMlog> out = new ArrayList<>();
        for (int i = 0; i < mlogIds.length; i++) {
            out.add(new SimMlog(mlogIds[i], mlogNames[i], userIds[mlogCreator[i]], songIds(mlogSongs[i])));
        }
        return out;
    }

    private List<String> songIds(int[] songs) {
        List<String> out = new ArrayList<>(songs.length);
        for (int s : songs) {
            out.add(catalog.ids[s]);
        }
        return out;
    }

    private static final String[] VIDEO_KINDS = {"official video", "official video", "live", "lyric video", "dance cover", "acoustic session"};
    private static final String[] MLOG_MOODS = {"sunset", "rainy commute", "gym time", "late night", "road trip", "coffee break", "first snow", "beach day"};
    private static final String[] FIRST = {
        "Mira", "Jonas", "Aiko", "Lucas", "Priya", "Mateo", "Lena", "Omar", "Sofia", "Kenji", "Amara", "Noah", "Yuna",
        "Elias", "Chloe", "Ravi", "Ines", "Hugo", "Zara", "Leo", "Mei", "Tomas", "Nia", "Felix", "Hana", "Diego",
        "Freya", "Arjun", "Alma", "Ivan", "Sara", "Kofi", "Lin", "Emil", "Maya", "Theo", "Ana", "Jun", "Lea", "Nico",
        "Isla", "Samir", "Ruth", "Paulo", "Wen", "Ada", "Oskar", "Nadia", "Ben", "Lucia", "Min-jun", "Eva", "Tariq",
        "Julia", "Kai", "Rosa", "Finn", "Aya", "Marco", "Vera"};
}
