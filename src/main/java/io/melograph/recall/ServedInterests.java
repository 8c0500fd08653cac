package io.melograph.recall;

import io.melograph.train.VectorMath;
import io.melograph.train.interest.InterestModel;
import io.melograph.train.interest.InterestModelFile;
import io.melograph.vectors.SongHit;
import io.melograph.vectors.SongIndex;
import io.melograph.vectors.SongIndexes;
import io.melograph.vectors.SongVectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One interest-model version as the service answers with it: the model, its songs by id, and a nearest-song index over
 * the song vectors. The model scores a song by a dot product with an interest, the index by cosine; each song vector
 * gets one more dimension, {@code sqrt(M² − |v|²)} with M the largest norm (and the query a 0 there), which makes the
 * cosine order the dot-product order (Bachrach et al., 2014), so the index finds what the model would rank first.
 */
public final class ServedInterests {
    /** The index's folder inside the version's folder, written the first time the version is served. */
    static final String INDEX_DIR = "index";

    private final String version;
    private final InterestModel model;
    private final List<String> songIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final SongIndex songs;
    private final float maxNorm;

    private ServedInterests(String version, InterestModel model, List<String> songIds, SongIndex songs, float maxNorm) {
        this.version = version;
        this.model = model;
        this.songIds = songIds;
        this.songs = songs;
        this.maxNorm = maxNorm;
        for (int i = 0; i < songIds.size(); i++) {
            index.put(songIds.get(i), i);
        }
    }

    /** The version in {@code dir}: its model, and its index (built and saved there the first time). */
    public static ServedInterests load(String version, Path dir) throws IOException {
        InterestModelFile.Stored stored = InterestModelFile.read(dir.resolve(InterestModelFile.NAME));
        return of(version, stored.model(), stored.songIds(), dir.resolve(INDEX_DIR));
    }

    static ServedInterests of(String version, InterestModel model, List<String> songIds, Path indexDir) throws IOException {
        float maxNorm = 0;
        for (int s = 0; s < model.songs(); s++) {
            maxNorm = Math.max(maxNorm, norm(model.songVector(s)));
        }
        maxNorm = Math.max(maxNorm, 1e-6f);
        SongIndex index;
        if (indexDir != null && Files.isDirectory(indexDir)) {
            index = SongIndexes.load(indexDir);
        } else {
            SongVectors vectors = new SongVectors(model.dim() + 1);
            for (int s = 0; s < model.songs(); s++) {
                vectors.put(s, songIds.get(s), lifted(model.songVector(s), maxNorm));
            }
            index = SongIndexes.build(vectors);
            if (indexDir != null) {
                Files.createDirectories(indexDir);
                index.save(indexDir);
            }
        }
        return new ServedInterests(version, model, songIds, index, maxNorm);
    }

    /** The vector with the extra dimension that makes all of them as long as the longest. */
    private static float[] lifted(float[] v, float maxNorm) {
        float[] out = java.util.Arrays.copyOf(v, v.length + 1);
        float n = norm(v);
        out[v.length] = (float) Math.sqrt(Math.max(0, maxNorm * maxNorm - n * n));
        return out;
    }

    private static float norm(float[] v) {
        return (float) Math.sqrt(VectorMath.dot(v, v));
    }

    public String version() {
        return version;
    }

    public InterestModel model() {
        return model;
    }

    /** The model's index of a song, or −1 when it does not know the song. */
    public int song(String id) {
        return index.getOrDefault(id, -1);
    }

    public String songId(int song) {
        return songIds.get(song);
    }

    /** The interests of a history of song ids, oldest first (songs the model does not know are left out). */
    public float[][] interests(List<String> history) {
        return model.interests(history.stream().mapToInt(this::song).filter(s -> s >= 0).toArray());
    }

    /** The songs the interest ranks first (by dot product), none the predicate excludes; score = the dot product. */
    public List<SongHit> nearest(float[] interest, int k, IntPredicate excluded) {
        float n = norm(interest);
        if (n == 0) {
            return List.of();
        }
        float[] query = java.util.Arrays.copyOf(interest, interest.length + 1);
        List<SongHit> out = new ArrayList<>();
        for (SongHit h : songs.nearest(query, k, excluded)) {
            out.add(new SongHit(h.song(), h.id(), h.score() * n * maxNorm)); // cosine back to the dot product
        }
        return out;
    }

    /** The dot product of an interest and a song. */
    public float score(float[] interest, int song) {
        return VectorMath.dot(interest, model.songVector(song));
    }
}
