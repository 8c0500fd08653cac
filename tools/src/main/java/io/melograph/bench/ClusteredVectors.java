package io.melograph.bench;

import io.melograph.util.Seeded;
import io.melograph.vectors.SongVectors;

import java.util.SplittableRandom;

/**
 * Seeded points from a Gaussian mixture: cluster centres from N(0, 1) per dimension, each point a centre plus
 * N(0, spread²) noise. Songs of one style sit near each other, as in the interest models, so an ANN index is tested
 * on dense neighbourhoods rather than on a uniform cloud where every neighbour is about as far as any other.
 */
public final class ClusteredVectors {
    private final float[][] centres;
    private final double spread;
    private final SplittableRandom rng;

    public ClusteredVectors(int dimensions, int clusters, double spread, long seed) {
        this.rng = new SplittableRandom(seed);
        this.spread = spread;
        this.centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = Seeded.gaussian(dimensions, 1.0, rng);
        }
    }

    /** The next point: a random cluster's centre plus noise. */
    public float[] next() {
        float[] centre = centres[rng.nextInt(centres.length)];
        float[] noise = Seeded.gaussian(centre.length, spread, rng);
        for (int d = 0; d < noise.length; d++) {
            noise[d] += centre[d];
        }
        return noise;
    }

    /** {@code songs} songs with indexes 0.. and ids {@code song-<index>}. */
    public SongVectors songs(int songs) {
        SongVectors vectors = new SongVectors(centres[0].length);
        for (int song = 0; song < songs; song++) {
            vectors.put(song, "song-" + song, next());
        }
        return vectors;
    }
}
