package io.melograph.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A large embedding table (one row per song or entity) kept in Java and learned with lazy Adam: a step gathers the
 * rows its batch touches into a small leaf array, and only those rows and their moments are updated from its gradient
 * ({@link DenseAdam}'s β, ε and bias-corrected step size; the correction counts the table's steps). A step then costs
 * what the batch touches, not the size of the catalog — with a dense table every step read and wrote every row and
 * both moments (1.56 s a step at a million songs against 0.077 s at 4,000, docs/benchmarks.md).
 */
public final class SparseTable {
    private final int rows;
    private final int dim;
    private final float[] values;
    /** Adam's moments, made at the first update: a table that only scores never needs them. */
    private float[] means;
    private float[] variances;
    private final float learningRate;
    private int steps;

    /** @param values the starting rows, rows × dim (kept, not copied) */
    public SparseTable(int dim, float[] values, double learningRate) {
        if (dim < 1 || values.length % dim != 0) {
            throw new IllegalArgumentException(values.length + " values are not whole rows of " + dim);
        }
        this.rows = values.length / dim;
        this.dim = dim;
        this.values = values;
        this.learningRate = (float) learningRate;
    }

    public int rows() {
        return rows;
    }

    /**
     * The given rows as a [n, dim] array of {@code m}, in that order; a leaf that records its gradient when
     * {@code learn}. Rows must be distinct when learning (each gets one update).
     */
    public NDArray gather(NDManager m, long[] ids, boolean learn) {
        float[] out = new float[ids.length * dim];
        for (int k = 0; k < ids.length; k++) {
            System.arraycopy(values, (int) ids[k] * dim, out, k * dim, dim);
        }
        NDArray rowsOf = Djl.input(m, out, ids.length, dim);
        if (learn) {
            rowsOf.setRequiresGradient(true);
        }
        return rowsOf;
    }

    /** One lazy Adam step for the rows {@link #gather}ed as {@code leaf}, from the gradient recorded on it. */
    public void update(long[] ids, NDArray leaf) {
        if (means == null) {
            means = new float[values.length];
            variances = new float[values.length];
        }
        steps++;
        float stepSize = DenseAdam.stepSize(learningRate, steps);
        float[] gradient = leaf.getGradient().toFloatArray();
        for (int k = 0; k < ids.length; k++) {
            int base = (int) ids[k] * dim;
            for (int c = 0; c < dim; c++) {
                float g = gradient[k * dim + c];
                int at = base + c;
                means[at] = DenseAdam.BETA1 * means[at] + (1 - DenseAdam.BETA1) * g;
                variances[at] = DenseAdam.BETA2 * variances[at] + (1 - DenseAdam.BETA2) * g * g;
                values[at] -= stepSize * means[at] / ((float) Math.sqrt(variances[at]) + DenseAdam.EPSILON);
            }
        }
    }

    /** The rows, rows × dim (the table's own array). */
    public float[] values() {
        return values;
    }
}
