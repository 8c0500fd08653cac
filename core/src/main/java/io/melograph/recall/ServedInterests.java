package io.melograph.recall;

import io.melograph.util.Ids;
import io.melograph.vectors.VectorMath;
import io.melograph.interest.InterestModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.interest.NowModel;
import io.melograph.interest.SongTower;
import io.melograph.vectors.SongHit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * One interest-model version as the service answers with it: the long-term model, the short-term one (when the version
 * has it), their songs by id, and a nearest-song index over each one's song vectors (two spaces, two indexes), kept
 * beside the version the first time it is served. Songs added to the catalog since training join through
 * {@link #withSongs}: a new snapshot with the longer song tables, sharing the indexes, which only grow — so a snapshot
 * leaves out index hits beyond its own songs.
 */
public final class ServedInterests {
    /** The indexes' folders inside the version's folder. */
    static final String INDEX_DIR = "index";
    static final String NOW_INDEX_DIR = "index-now";

    private final String version;
    private final InterestModel model;
    private final NowModel now;
    private final SongTower tower;
    private final Map<String, Integer> index;
    private final List<String> songIds;
    private final DotProductIndex longTerm;
    private final DotProductIndex shortTerm;
    private final IntPredicate beyond;

    private ServedInterests(String version, InterestModel model, NowModel now, SongTower tower, List<String> songIds,
                            Map<String, Integer> index, DotProductIndex longTerm, DotProductIndex shortTerm) {
        this.version = version;
        this.model = model;
        this.now = now;
        this.tower = tower;
        this.longTerm = longTerm;
        this.shortTerm = shortTerm;
        this.songIds = songIds;
        this.index = index;
        int songs = songIds.size();
        this.beyond = song -> song >= songs;
    }


    /** The version in {@code dir}: its models, and their indexes (built and saved there the first time). */
    public static ServedInterests load(String version, Path dir) throws IOException {
        InterestModelFile.Stored stored = InterestModelFile.read(dir.resolve(InterestModelFile.NAME));
        InterestModel m = stored.model();
        NowModel n = stored.now();
        List<String> ids = stored.songIds();
        return new ServedInterests(version, m, n, stored.tower(), ids, Ids.indexOf(ids),
                DotProductIndex.of(m::songVector, m.songs(), m.dim(), ids, dir.resolve(INDEX_DIR)),
                n == null ? null : DotProductIndex.of(n::songVector, n.songs(), n.dim(), ids, dir.resolve(NOW_INDEX_DIR)));
    }

    /** The song tower for songs added since training, if the version has one (a knowledge-aware model). */
    public Optional<SongTower> tower() {
        return Optional.ofNullable(tower);
    }

    /**
     * This version with the given songs added (long-term vectors by id; songs it knows already are left alone): their
     * short-term vectors come from the long-term ones as for a song nobody played, and both indexes gain them. The
     * indexes are shared with this snapshot, which keeps answering with its own songs only.
     */
    public ServedInterests withSongs(Map<String, float[]> vectors) {
        List<String> added = vectors.keySet().stream().filter(id -> !index.containsKey(id)).toList();
        if (added.isEmpty()) {
            return this;
        }
        int d = model.dim();
        float[] longVectors = new float[added.size() * d];
        float[] nowVectors = now == null ? null : new float[added.size() * now.dim()];
        List<String> ids = new ArrayList<>(songIds);
        Map<String, Integer> more = new HashMap<>(index);
        for (int k = 0; k < added.size(); k++) {
            System.arraycopy(vectors.get(added.get(k)), 0, longVectors, k * d, d);
            more.put(added.get(k), ids.size());
            ids.add(added.get(k));
        }
        InterestModel longer = model.withSongs(longVectors); // in the model's song space, which the projection expects
        boolean projected = false; // a short-term model stored without P gives new songs no short-term vector
        for (int k = 0; k < added.size() && now != null; k++) {
            float[] n = now.fromLongTerm(longer.songVector(songIds.size() + k));
            if (n != null) {
                System.arraycopy(n, 0, nowVectors, k * d, d);
                projected = true;
            }
        }
        ServedInterests next = new ServedInterests(version, longer, now == null ? null : now.withSongs(nowVectors),
                tower, List.copyOf(ids), more, longTerm, shortTerm);
        for (int k = 0; k < added.size(); k++) {
            int song = songIds.size() + k;
            longTerm.put(song, added.get(k), next.model.songVector(song));
            if (projected) {
                shortTerm.put(song, added.get(k), next.now.songVector(song));
            }
        }
        return next;
    }

    /** The models' songs in index order: a song's id. */
    public String songId(int song) {
        return songIds.get(song);
    }

    public String version() {
        return version;
    }

    public InterestModel model() {
        return model;
    }

    /** The short-term model, if the version has one. */
    public Optional<NowModel> now() {
        return Optional.ofNullable(now);
    }

    /** The models' index of a song, or −1 when they do not know the song. */
    public int song(String id) {
        return index.getOrDefault(id, -1);
    }

    /** The interests of a history of song ids, oldest first (songs the model does not know are left out). */
    public float[][] interests(List<String> history) {
        return model.interests(history.stream().mapToInt(this::song).filter(s -> s >= 0).toArray());
    }

    /** The songs a long-term interest ranks first, none the predicate excludes; score = the dot product. */
    public List<SongHit> nearest(float[] interest, int k, IntPredicate excluded) {
        return longTerm.nearest(interest, k, excluded.or(beyond));
    }

    /** The songs the short-term interest ranks first (empty without a short-term model). */
    public List<SongHit> nearestNow(float[] interest, int k, IntPredicate excluded) {
        return shortTerm == null ? List.of() : shortTerm.nearest(interest, k, excluded.or(beyond));
    }

    /** The dot product of a long-term interest and a song. */
    public float score(float[] interest, int song) {
        return VectorMath.dot(interest, model.songVector(song));
    }
}
