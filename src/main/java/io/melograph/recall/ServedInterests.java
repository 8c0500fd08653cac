package io.melograph.recall;

import io.melograph.train.VectorMath;
import io.melograph.train.interest.InterestModel;
import io.melograph.train.interest.InterestModelFile;
import io.melograph.train.interest.NowModel;
import io.melograph.vectors.SongHit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * One interest-model version as the service answers with it: the long-term model, the short-term one (when the version
 * has it), their songs by id, and a nearest-song index over each one's song vectors (two spaces, two indexes), kept
 * beside the version the first time it is served.
 */
public final class ServedInterests {
    /** The indexes' folders inside the version's folder. */
    static final String INDEX_DIR = "index";
    static final String NOW_INDEX_DIR = "index-now";

    private final String version;
    private final InterestModel model;
    private final NowModel now;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> songIds;
    private final DotProductIndex longTerm;
    private final DotProductIndex shortTerm;

    private ServedInterests(String version, InterestModel model, NowModel now, List<String> songIds, DotProductIndex longTerm,
                            DotProductIndex shortTerm) {
        this.version = version;
        this.model = model;
        this.now = now;
        this.longTerm = longTerm;
        this.shortTerm = shortTerm;
        this.songIds = songIds;
        for (int i = 0; i < songIds.size(); i++) {
            index.put(songIds.get(i), i);
        }
    }

    /** The version in {@code dir}: its models, and their indexes (built and saved there the first time). */
    public static ServedInterests load(String version, Path dir) throws IOException {
        InterestModelFile.Stored stored = InterestModelFile.read(dir.resolve(InterestModelFile.NAME));
        InterestModel m = stored.model();
        NowModel n = stored.now();
        List<String> ids = stored.songIds();
        return new ServedInterests(version, m, n, ids, DotProductIndex.of(m::songVector, m.songs(), m.dim(), ids, dir.resolve(INDEX_DIR)),
                n == null ? null : DotProductIndex.of(n::songVector, n.songs(), n.dim(), ids, dir.resolve(NOW_INDEX_DIR)));
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
        return longTerm.nearest(interest, k, excluded);
    }

    /** The songs the short-term interest ranks first (empty without a short-term model). */
    public List<SongHit> nearestNow(float[] interest, int k, IntPredicate excluded) {
        return shortTerm == null ? List.of() : shortTerm.nearest(interest, k, excluded);
    }

    /** The dot product of a long-term interest and a song. */
    public float score(float[] interest, int song) {
        return VectorMath.dot(interest, model.songVector(song));
    }
}
