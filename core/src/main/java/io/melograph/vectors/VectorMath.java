package io.melograph.vectors;

import org.neo4j.driver.Value;

import java.util.Arrays;
import java.util.List;

/** Exact nearest neighbours over normalised float vectors, the brute-force reference for embeddings. */
public final class VectorMath {
    private VectorMath() {}

    /** The vector scaled to length 1 (all zeros stays all zeros). */
    public static float[] normalised(Value list) {
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) list.get(i).asDouble();
        }
        normaliseRows(v, v.length);
        return v;
    }

    /** A copy of {@code v} scaled to length 1 (all zeros stays all zeros). */
    public static float[] normalised(float[] v) {
        float[] out = v.clone();
        normaliseRows(out, out.length);
        return out;
    }

    /** Scales each row of {@code dim} values of the flat matrix to length 1, in place (a zero row stays zero). */
    public static void normaliseRows(float[] rows, int dim) {
        for (int from = 0; from < rows.length; from += dim) {
            double norm = 0;
            for (int i = from; i < from + dim; i++) {
                norm += rows[i] * (double) rows[i];
            }
            if (norm > 0) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int i = from; i < from + dim; i++) {
                    rows[i] *= inv;
                }
            }
        }
    }

    /**
     * Indexes of the k vectors closest to {@code query} by cosine (all vectors normalised), best first, leaving out
     * index {@code skip} (-1: none). Fewer when there are fewer vectors.
     */
    public static int[] nearest(List<float[]> vectors, float[] query, int k, int skip) {
        int[] best = new int[k];
        float[] scores = new float[k];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        int found = 0;
        for (int i = 0; i < vectors.size(); i++) {
            if (i == skip) {
                continue;
            }
            float s = dot(query, vectors.get(i));
            if (s > scores[k - 1]) {
                int at = k - 1;
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = s;
                best[at] = i;
                found = Math.min(k, found + 1);
            }
        }
        return Arrays.copyOf(best, found);
    }

    public static float dot(float[] a, float[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    /** The dot product of {@code n} values of {@code a} from {@code ao} and of {@code b} from {@code bo} (rows of a flat matrix). */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** Row vector times a dim × dim matrix (row-major). */
    public static float[] times(float[] x, float[] m, int dim) {
        float[] out = new float[dim];
        for (int r = 0; r < dim; r++) {
            float xr = x[r];
            if (xr == 0f) {
                continue;
            }
            for (int c = 0; c < dim; c++) {
                out[c] += xr * m[r * dim + c];
            }
        }
        return out;
    }
}
