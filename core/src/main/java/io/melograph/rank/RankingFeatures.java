package io.melograph.rank;

import io.melograph.events.ItemCatalog;

import java.util.Arrays;
import java.util.List;

/**
 * The hashed, binary feature set of one exposure: bias; listener×artist, listener×genre, listener×scene; artist, genre,
 * song; popularity (log2 of the play count); recall channel and scene×channel; scene, scene×genre; hour of day (UTC);
 * session position (log2 bucket). Crosses with the listener are what personalises a linear model.
 */
public final class RankingFeatures {
    /** At most this many artists and genres of a song become features (a compilation's long credit list would swamp it). */
    static final int MAX_PER_LIST = 4;

    private final FeatureHasher hasher;
    /** The last listener and scene's features and cross prefixes: a list scores hundreds of candidates for one pair. */
    private volatile Crosses last;

    public RankingFeatures(FeatureHasher hasher) {
        this.hasher = hasher;
    }

    /** What one listener and scene contribute to every candidate's features, hashed once. */
    private record Crosses(String user, String scene, int bias, int sceneIndex, int userScene, FeatureHasher.Prefix userArtist,
                           FeatureHasher.Prefix userGenre, FeatureHasher.Prefix sceneGenre, FeatureHasher.Prefix sceneChannel) {}

    private Crosses crosses(String user, String scene) {
        Crosses c = last;
        if (c == null || !c.user().equals(user) || !c.scene().equals(scene)) {
            c = new Crosses(user, scene, hasher.index("bias", ""), hasher.index("scene", scene), hasher.index("u×scene", user, scene),
                    hasher.prefix("u×artist", user), hasher.prefix("u×genre", user), hasher.prefix("scene×genre", scene),
                    hasher.prefix("scene×channel", scene));
            last = c;
        }
        return c;
    }

    public FeatureHasher hasher() {
        return hasher;
    }

    /** The bucket indices of the exposure's active features (value 1 each). */
    public int[] of(ExposureFacts e) {
        int[] out = new int[16 + 5 * MAX_PER_LIST + 2 * e.channels().size()];
        int n = 0;
        String scene = e.scene() == null ? "-" : e.scene();
        Crosses c = crosses(e.userId(), scene);
        out[n++] = c.bias();
        out[n++] = hasher.index("song", e.itemId());
        out[n++] = c.sceneIndex();
        out[n++] = c.userScene();
        out[n++] = hasher.index("pop", bucket(e.plays()));
        out[n++] = hasher.index("hour", hour(e.ts()));
        out[n++] = hasher.index("spos", bucket(e.sessionPosition()));
        out[n++] = hasher.index("scene×spos", scene, bucket(e.sessionPosition()));
        ItemCatalog.SongFacts song = e.song();
        if (song != null) {
            List<String> artists = song.artistIds();
            for (int i = 0; i < Math.min(MAX_PER_LIST, artists.size()); i++) {
                out[n++] = hasher.index("artist", artists.get(i));
                out[n++] = hasher.index(c.userArtist(), artists.get(i));
            }
            List<String> genres = song.genres();
            for (int i = 0; i < Math.min(MAX_PER_LIST, genres.size()); i++) {
                out[n++] = hasher.index("genre", genres.get(i));
                out[n++] = hasher.index(c.userGenre(), genres.get(i));
                out[n++] = hasher.index(c.sceneGenre(), genres.get(i));
            }
        }
        for (String channel : e.channels()) {
            out[n++] = hasher.index("channel", channel);
            out[n++] = hasher.index(c.sceneChannel(), channel);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** 0 for 0, then 1 + floor(log2 v): 1 → 1, 2–3 → 2, 4–7 → 3 ... */
    static String bucket(long v) {
        return SMALL[(int) Math.min(63, 64 - Long.numberOfLeadingZeros(Math.max(0, v)))];
    }

    static String hour(long ts) {
        return SMALL[(int) Math.floorMod(ts / 3_600_000L, 24L)];
    }

    private static final String[] SMALL = new String[64];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }
}
