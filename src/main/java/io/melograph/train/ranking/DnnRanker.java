package io.melograph.train.ranking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.melograph.rank.BehaviourSequences;
import io.melograph.train.BehaviourData;
import io.melograph.train.BehaviourRanker;
import io.melograph.train.DenseAdam;
import io.melograph.train.Djl;
import io.melograph.train.Exposure;
import io.melograph.train.LogisticRegression;
import io.melograph.train.Seeded;
import io.melograph.train.SparseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static io.melograph.train.Djl.parameter;
import static io.melograph.train.Djl.rows;

/**
 * The deep rankers' first rung, DIN's "base model" (Embedding &amp; MLP) beside a wide part (Wide &amp; Deep): a
 * song is its id, first artist and genres embedded and concatenated; each behaviour sequence (plays, completes, skips,
 * likes: {@link io.melograph.rank.BehaviourSequences}) is pooled into one vector by {@link #pool}; with the target
 * song, the listener's id, the scene, hour, session position and the song's popularity they go through an MLP to one
 * logit, to which the wide part adds the weights of the online ranker's hashed features (its listener×artist and
 * listener×genre crosses memorise what embeddings of this size only approximate), learned jointly.
 * Trained with DJL on PyTorch (binary cross-entropy, Adam; lazy Adam on the song, artist and listener tables) on the
 * training exposures in time order but the last {@code validationShare}, which chooses when to stop (the epoch with
 * the lowest log loss there; nothing of the test window). Subclasses change how a sequence is pooled (DIN attends
 * to the target song).
 */
public class DnnRanker implements BehaviourRanker {
    private static final Logger LOG = LoggerFactory.getLogger(DnnRanker.class);
    /**
     * Embedding width of songs, artists, genres and listeners ({@code dim}), of scene, hour and position
     * ({@code context}); {@code l2}: DIN's mini-batch aware regularisation, the squared norm of the song, artist and
     * listener rows a batch uses (not the whole tables), per exposure.
     */
    public record Settings(int dim, int context, int[] hidden, int maxEpochs, double learningRate, int batch, double validationShare,
                           double l2) {
        public static Settings defaults() {
            // l2 0.1 rather than 0: lower log loss on the validation tail for complete and like (docs/eval/ranking.md)
            return new Settings(16, 8, new int[] {128, 64}, 10, 0.002, 256, 0.1, 0.1);
        }
    }

    private final Settings settings;
    private RankingVocabulary vocabulary;
    private Weights trained;
    private String note = "";

    public DnnRanker() {
        this(Settings.defaults());
    }

    public DnnRanker(Settings settings) {
        this.settings = settings;
    }

    /** A pooled sequence, and the auxiliary loss its pooling adds in training (null: none). */
    protected record Pooled(NDArray vector, NDArray auxiliaryLoss) {}

    /**
     * One behaviour sequence as one vector: here the mean of its songs' vectors.
     *
     * @param kind   which sequence (plays, completes, skips, likes)
     * @param h      [B, L, D] the sequence's song vectors
     * @param mask   [B, L] 1 where a song is, 0 for padding
     * @param target [B, D] the song being ranked (unused here)
     * @param net    the network, for subclasses' own parameters
     */
    protected Pooled pool(BehaviourSequences.Kind kind, NDArray h, NDArray mask, NDArray target, Network net, NDArray one) {
        NDArray sum = h.mul(mask.expandDims(2)).sum(new int[] {1});
        return new Pooled(sum.div(mask.sum(new int[] {1}, true).maximum(one)), null);
    }

    /** A subclass's own trained parameters (shapes), added after the base network's. */
    protected List<long[]> ownShapes(Settings s) {
        return List.of();
    }

    @Override
    public void fit(BehaviourData train, long seed) {
        long started = System.nanoTime();
        vocabulary = RankingVocabulary.of(train);
        SplittableRandom rng = new SplittableRandom(seed);
        Integer[] byTime = new Integer[train.labels().length];
        Arrays.setAll(byTime, k -> k);
        Arrays.sort(byTime, Comparator.comparingLong(k -> train.exposures()[k].ts()));
        int validation = (int) Math.round(byTime.length * settings.validationShare());
        int[] fitting = Arrays.stream(byTime, 0, byTime.length - validation).mapToInt(Integer::intValue).toArray();
        int[] held = Arrays.stream(byTime, byTime.length - validation, byTime.length).mapToInt(Integer::intValue).toArray();
        try (NDManager base = Djl.manager()) {
            Network net = Network.init(base, settings, vocabulary, train.userIds().size(), ownShapes(settings), rng);
            DenseAdam adam = new DenseAdam((float) settings.learningRate(), net.dense);
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int epoch = 0;
            while (epoch < settings.maxEpochs()) {
                Seeded.shuffle(fitting, rng);
                for (int from = 0; from < fitting.length; from += settings.batch()) {
                    int[] rowsOf = Arrays.copyOfRange(fitting, from, Math.min(fitting.length, from + settings.batch()));
                    step(base, net, adam, batch(train, rowsOf));
                }
                epoch++;
                double loss = held.length == 0 ? -epoch : logLoss(base, net, train, held);
                if (loss < bestLoss - 1e-5) {
                    bestLoss = loss;
                    bestEpoch = epoch;
                    trained = net.weights();
                } else {
                    break; // the held-out exposures got worse: stop at the best epoch
                }
            }
            note = String.format(Locale.ROOT, "%d epochs chosen of %d run (validation log loss %.4f on the last %d training "
                    + "exposures)", bestEpoch, epoch, held.length == 0 ? Double.NaN : bestLoss, held.length);
            // times go to the log, not the note: a report's notes stay the same from run to run
            LOG.info("{} fitted in {} s: {}", getClass().getSimpleName(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), note);
        }
    }

    private RankingBatch batch(BehaviourData data, int[] rowsOf) {
        List<Exposure> exposures = new ArrayList<>(rowsOf.length);
        boolean[] labels = new boolean[rowsOf.length];
        for (int k = 0; k < rowsOf.length; k++) {
            exposures.add(data.exposures()[rowsOf[k]]);
            labels[k] = data.labels()[rowsOf[k]];
        }
        return new RankingBatch(exposures, labels, vocabulary);
    }

    private void step(NDManager base, Network net, DenseAdam adam, RankingBatch b) {
        try (NDManager step = base.newSubManager()) {
            adam.attachTo(step);
            NDArray one = step.create(1f);
            NDArray labels = step.create(b.labels, new Shape(b.size, 1));
            NDArray l2 = step.create((float) (settings.l2() / b.size));
            Network.Output o;
            try (GradientCollector collector = base.getEngine().newGradientCollector()) {
                o = net.forward(step, b, true, this, one);
                NDArray rowsNorm = o.songRows().square().sum().add(o.artistRows().square().sum()).add(o.userRows().square().sum());
                NDArray loss = crossEntropy(o.logits(), labels, one).mean().add(rowsNorm.mul(l2));
                collector.backward(o.auxiliaryLoss() == null ? loss : loss.add(o.auxiliaryLoss()));
            }
            adam.update();
            net.update(o);
        }
    }

    /** Binary cross-entropy from logits, stable for large |z|: max(z, 0) − z·y + log(1 + e^−|z|). */
    static NDArray crossEntropy(NDArray z, NDArray y, NDArray one) {
        return Activation.relu(z).sub(z.mul(y)).add(z.abs().neg().exp().add(one).log());
    }

    private double logLoss(NDManager base, Network net, BehaviourData data, int[] rowsOf) {
        double sum = 0;
        for (int from = 0; from < rowsOf.length; from += 1024) {
            RankingBatch b = batch(data, Arrays.copyOfRange(rowsOf, from, Math.min(rowsOf.length, from + 1024)));
            try (NDManager m = base.newSubManager()) {
                NDArray one = m.create(1f);
                NDArray z = net.forward(m, b, false, this, one).logits();
                sum += crossEntropy(z, m.create(b.labels, new Shape(b.size, 1)), one).sum().getFloat();
            }
        }
        return sum / rowsOf.length;
    }

    @Override
    public double[] probabilities(Exposure[] exposures) {
        if (trained == null) {
            throw new IllegalStateException("not fitted");
        }
        double[] p = new double[exposures.length];
        try (NDManager base = Djl.manager()) {
            Network net = Network.of(base, settings, trained);
            for (int from = 0; from < exposures.length; from += 1024) {
                RankingBatch b = new RankingBatch(Arrays.asList(exposures).subList(from, Math.min(exposures.length, from + 1024)),
                        null, vocabulary);
                try (NDManager m = base.newSubManager()) {
                    float[] z = net.forward(m, b, false, this, m.create(1f)).logits().toFloatArray();
                    for (int k = 0; k < z.length; k++) {
                        p[from + k] = Math.min(1 - 1e-7, Math.max(1e-7, LogisticRegression.sigmoid(z[k])));
                    }
                }
            }
        }
        return p;
    }

    @Override
    public double probability(Exposure e) {
        return probabilities(new Exposure[] {e})[0];
    }

    @Override
    public String note() {
        return note;
    }

    /** Every trained value as Java arrays: the three big tables, then the dense parameters in {@link Network} order. */
    record Weights(int dim, float[] songs, float[] artists, float[] users, float[] wide, float[][] dense, long[][] shapes) {}

    /**
     * The parameters: lazy-Adam tables for songs, artists and listeners, then dense ones: genres, scenes, hours,
     * positions, the MLP's layers, then a subclass's own ({@link #own}).
     */
    static final class Network {
        private static final int BASE_DENSE = 4;
        private static final double WIDE_RATE = 5;
        final SparseTable songs;
        final SparseTable artists;
        final SparseTable users;
        final SparseTable wide;
        final NDArray[] dense;
        private final int layers;
        private final int dim;

        private Network(SparseTable songs, SparseTable artists, SparseTable users, SparseTable wide, NDArray[] dense, int layers,
                        int dim) {
            this.songs = songs;
            this.artists = artists;
            this.users = users;
            this.wide = wide;
            this.dense = dense;
            this.layers = layers;
            this.dim = dim;
        }

        static Network init(NDManager m, Settings s, RankingVocabulary v, int users, List<long[]> own, SplittableRandom rng) {
            int d = s.dim();
            int c = s.context();
            double e = 0.05;
            List<NDArray> dense = new ArrayList<>(List.of(
                    parameter(m, Seeded.gaussian(v.genres() * d, e, rng), v.genres(), d),
                    parameter(m, Seeded.gaussian(v.scenes() * c, e, rng), v.scenes(), c),
                    parameter(m, Seeded.gaussian(RankingVocabulary.HOURS * c, e, rng), RankingVocabulary.HOURS, c),
                    parameter(m, Seeded.gaussian(RankingVocabulary.POSITIONS * c, e, rng), RankingVocabulary.POSITIONS, c)));
            // user, target and one pooled vector per behaviour (songs are 3d wide), the context, popularity
            int in = d + 3 * d * (1 + RankingBatch.KINDS) + 3 * c + 1;
            for (int width : s.hidden()) {
                dense.add(parameter(m, Seeded.gaussian(in * width, Math.sqrt(2.0 / in), rng), in, width));
                dense.add(parameter(m, new float[width], width));
                in = width;
            }
            dense.add(parameter(m, Seeded.gaussian(in, Math.sqrt(1.0 / in), rng), in, 1));
            dense.add(parameter(m, new float[1], 1));
            for (long[] shape : own) { // a vector is a bias (zeros), a matrix weights scaled to its inputs
                int size = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                dense.add(parameter(m, shape.length == 1 ? new float[size] : Seeded.gaussian(size, Math.sqrt(1.0 / shape[0]), rng), shape));
            }
            return new Network(new SparseTable(d, Seeded.gaussian(v.items() * d, e, rng), s.learningRate()),
                    new SparseTable(d, Seeded.gaussian(v.artists() * d, e, rng), s.learningRate()),
                    new SparseTable(d, Seeded.gaussian(users * d, e, rng), s.learningRate()),
                    // the wide weights start at 0 and move faster, as a linear model's would
                    new SparseTable(1, new float[v.buckets()], s.learningRate() * WIDE_RATE),
                    dense.toArray(NDArray[]::new), s.hidden().length + 1, d);
        }

        /** A network for scoring only, from trained weights. */
        static Network of(NDManager m, Settings s, Weights w) {
            NDArray[] dense = new NDArray[w.dense().length];
            for (int k = 0; k < dense.length; k++) {
                dense[k] = m.create(w.dense()[k], new Shape(w.shapes()[k]));
            }
            return new Network(new SparseTable(w.dim(), w.songs(), 0), new SparseTable(w.dim(), w.artists(), 0),
                    new SparseTable(w.dim(), w.users(), 0), new SparseTable(1, w.wide(), 0), dense, s.hidden().length + 1, w.dim());
        }

        /** The parameters of a subclass, in the order of its {@link DnnRanker#ownShapes}. */
        NDArray own(int k) {
            return dense[BASE_DENSE + 2 * layers + k];
        }

        Weights weights() {
            float[][] values = new float[dense.length][];
            long[][] shapes = new long[dense.length][];
            for (int k = 0; k < dense.length; k++) {
                values[k] = dense[k].toFloatArray();
                shapes[k] = dense[k].getShape().getShape();
            }
            return new Weights(dim, songs.values().clone(), artists.values().clone(), users.values().clone(), wide.values().clone(),
                    values, shapes);
        }

        record Output(NDArray logits, NDArray auxiliaryLoss, RankingBatch batch, NDArray songRows, NDArray artistRows,
                      NDArray userRows, NDArray wideRows) {}

        Output forward(NDManager m, RankingBatch b, boolean learn, DnnRanker model, NDArray one) {
            int g = RankingVocabulary.GENRES;
            int n = b.songs.length;
            NDArray songRows = songs.gather(m, b.songs, learn);
            NDArray artistRows = artists.gather(m, b.artists, learn);
            NDArray userRows = users.gather(m, b.users, learn);
            NDArray wideRows = wide.gather(m, b.buckets, learn);
            NDArray genreMask = m.create(b.songGenreMask, new Shape(n, g, 1));
            NDArray genres = rows(m.create(b.songGenres), dense[0]).reshape(n, g, dim).mul(genreMask).sum(new int[] {1})
                    .div(genreMask.sum(new int[] {1}).maximum(one));
            NDArray songVectors = NDArrays.concat(new NDList(songRows, rows(m.create(b.songArtist), artistRows), genres), 1);
            NDArray target = rows(m.create(b.target), songVectors);
            NDList parts = new NDList(rows(m.create(b.user), userRows), target);
            NDArray auxiliary = null;
            for (BehaviourSequences.Kind kind : BehaviourSequences.Kind.values()) {
                int k = kind.ordinal();
                NDArray h = rows(m.create(b.history[k]), songVectors).reshape(b.size, RankingBatch.L, 3L * dim);
                Pooled pooled = model.pool(kind, h, m.create(b.historyMask[k], new Shape(b.size, RankingBatch.L)), target, this, one);
                parts.add(pooled.vector());
                if (pooled.auxiliaryLoss() != null) {
                    auxiliary = auxiliary == null ? pooled.auxiliaryLoss() : auxiliary.add(pooled.auxiliaryLoss());
                }
            }
            parts.add(rows(m.create(b.scene), dense[1]));
            parts.add(rows(m.create(b.hour), dense[2]));
            parts.add(rows(m.create(b.position), dense[3]));
            parts.add(m.create(b.popularity, new Shape(b.size, 1)));
            NDArray x = NDArrays.concat(parts, 1);
            for (int l = 0; l < layers; l++) {
                x = x.matMul(dense[BASE_DENSE + 2 * l]).add(dense[BASE_DENSE + 2 * l + 1]);
                if (l < layers - 1) {
                    x = Activation.relu(x);
                }
            }
            NDArray linear = rows(m.create(b.wide), wideRows).reshape(b.size, b.wideWidth)
                    .mul(m.create(b.wideMask, new Shape(b.size, b.wideWidth))).sum(new int[] {1}, true);
            return new Output(x.add(linear), auxiliary, b, songRows, artistRows, userRows, wideRows);
        }

        /** Lazy Adam on the table rows a learning forward pass gathered. */
        void update(Output o) {
            songs.update(o.batch().songs, o.songRows());
            artists.update(o.batch().artists, o.artistRows());
            users.update(o.batch().users, o.userRows());
            wide.update(o.batch().buckets, o.wideRows());
        }
    }
}
