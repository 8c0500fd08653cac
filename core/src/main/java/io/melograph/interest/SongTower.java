package io.melograph.interest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph half of a trained knowledge-aware song tower, in plain Java and by name: each catalog entity's embedding
 * (artists, albums, genres, tags … that songs' neighbourhoods reached in training) and each relation path's attention
 * key and bias. A song added to the catalog after training gets the vector the trainer gives a song nobody played —
 * attention over its neighbours, no id embedding — so it can be recommended before the next retraining. Entities and
 * relation paths the model never saw are left out of the attention.
 */
public final class SongTower {
    private final int dim;
    private final int width;
    private final List<String> paths;
    private final Map<String, Integer> pathIndex = new HashMap<>();
    private final float[] keys;      // paths × dim
    private final float[] biases;    // paths
    private final List<String> entityIds;
    private final Map<String, Integer> entityIndex = new HashMap<>();
    private final float[] entities;  // entityIds × dim

    public SongTower(int dim, int width, List<String> paths, float[] keys, float[] biases, List<String> entityIds, float[] entities) {
        if (dim < 1 || width < 1 || keys.length != paths.size() * dim || biases.length != paths.size()
                || entities.length != entityIds.size() * dim) {
            throw new IllegalArgumentException("song tower arrays do not fit " + dim + " dimensions, " + paths.size()
                    + " relation paths and " + entityIds.size() + " entities");
        }
        this.dim = dim;
        this.width = width;
        this.paths = List.copyOf(paths);
        this.keys = keys;
        this.biases = biases;
        this.entityIds = List.copyOf(entityIds);
        this.entities = entities;
        for (int r = 0; r < paths.size(); r++) {
            pathIndex.put(paths.get(r), r);
        }
        for (int e = 0; e < entityIds.size(); e++) {
            entityIndex.put(entityIds.get(e), e);
        }
    }

    public int dim() {
        return dim;
    }

    /** The most neighbours a song attends over. */
    public int width() {
        return width;
    }

    List<String> paths() {
        return paths;
    }

    float[] keys() {
        return keys;
    }

    float[] biases() {
        return biases;
    }

    List<String> entityIds() {
        return entityIds;
    }

    float[] entities() {
        return entities;
    }

    /**
     * The vector of each song of {@code facts} that has at least one neighbour the tower knows, by song id: the
     * neighbourhoods ranked as in training ({@link SongNeighbourhood}), then the tower's relation-aware attention.
     */
    public Map<String, float[]> vectors(CatalogFacts facts) {
        SongNeighbourhood n = SongNeighbourhood.of(facts, width);
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> songs = facts.songIds();
        for (int song = 0; song < songs.size(); song++) {
            float[] v = vector(n, song);
            if (v != null) {
                out.put(songs.get(song), v);
            }
        }
        return out;
    }

    /** Attention {@code softmax(bias_r + key_r · tanh(e))} over the known neighbours, then their weighted sum; null when none is known. */
    private float[] vector(SongNeighbourhood n, int song) {
        int count = n.count(song);
        int[] entity = new int[count];
        double[] logit = new double[count];
        int known = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            Integer e = entityIndex.get(n.entityIds().get(n.entity(song, k)));
            Integer r = pathIndex.get(n.relations().get(n.relation(song, k)));
            if (e == null || r == null) {
                continue;
            }
            double l = biases[r];
            for (int c = 0; c < dim; c++) {
                l += keys[r * dim + c] * Math.tanh(entities[e * dim + c]);
            }
            entity[known] = e;
            logit[known++] = l;
            max = Math.max(max, l);
        }
        if (known == 0) {
            return null;
        }
        double sum = 0;
        for (int k = 0; k < known; k++) {
            logit[k] = Math.exp(logit[k] - max);
            sum += logit[k];
        }
        float[] v = new float[dim];
        for (int k = 0; k < known; k++) {
            float a = (float) (logit[k] / sum);
            for (int c = 0; c < dim; c++) {
                v[c] += a * entities[entity[k] * dim + c];
            }
        }
        return v;
    }
}
