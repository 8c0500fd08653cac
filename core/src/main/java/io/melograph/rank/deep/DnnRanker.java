package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.melograph.djl.DenseAdam;
import io.melograph.djl.Djl;
import io.melograph.djl.SparseTable;
import io.melograph.onnx.OnnxGraph;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourRanker;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.util.Seeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static io.melograph.djl.Djl.parameter;
import static io.melograph.djl.Djl.rows;

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
 * to the target song) or how many behaviours the network predicts at once, and with what loss (ESMM's heads).
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
    /** The trained network as ONNX Runtime scores it, built once (serving scores many requests with one model); null: not yet. */
    private RankerSession scoring;

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
     * @param sessions [B, L] int: how many sessions before the exposure's own each song was ({@link RankingBatch#SESSIONS})
     * @param target [B, D] the song being ranked (unused here)
     * @param net    the network, for subclasses' own parameters
     */
    protected Pooled pool(BehaviourSequences.Kind kind, NDArray h, NDArray mask, NDArray sessions, NDArray target, Network net,
                           NDArray one) {
        NDArray sum = h.mul(mask.expandDims(2)).sum(new int[] {1});
        return new Pooled(sum.div(mask.sum(new int[] {1}, true).maximum(one)), null);
    }

    /** {@link #pool(BehaviourSequences.Kind, NDArray, NDArray, NDArray, NDArray, Network, NDArray)} in the scoring graph: [Bh or B, D]. */
    String pool(RankerGraph n, BehaviourSequences.Kind kind, RankerGraph.Sequence s, String target) {
        OnnxGraph g = n.g;
        return g.div(g.sum(g.mul(s.h(), n.column(s.mask())), 1, false), g.max(g.sum(s.mask(), 1, true), n.one));
    }

    /** A subclass's own trained parameters (shapes), added after the base network's. */
    protected List<long[]> ownShapes(Settings s) {
        return List.of();
    }

    @Override
    public void fit(BehaviourData train, long seed) {
        float[] labels = new float[train.labels().length];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = train.labels()[k] ? 1f : 0f;
        }
        fit(train, new Rows(train.exposures(), labels, null), seed);
    }

    /**
     * Training rows: exposures with {@link #heads()} labels each ({@code labels[k * heads + h]}) and, when not every
     * head is known for every row, a mask of the same shape (1 where the label counts).
     */
    protected record Rows(Exposure[] exposures, float[] labels, float[] mask) {}

    /** Fits on {@code rows}; {@code vocabularyOf} names the listeners, songs and scenes (its labels are not read). */
    protected final void fit(BehaviourData vocabularyOf, Rows rows, long seed) {
        long started = System.nanoTime();
        vocabulary = RankingVocabulary.of(vocabularyOf);
        SplittableRandom rng = new SplittableRandom(seed);
        Integer[] byTime = new Integer[rows.exposures().length];
        Arrays.setAll(byTime, k -> k);
        Arrays.sort(byTime, Comparator.comparingLong(k -> rows.exposures()[k].ts()));
        int validation = (int) Math.round(byTime.length * settings.validationShare());
        int[] fitting = Arrays.stream(byTime, 0, byTime.length - validation).mapToInt(Integer::intValue).toArray();
        int[] held = Arrays.stream(byTime, byTime.length - validation, byTime.length).mapToInt(Integer::intValue).toArray();
        try (NDManager base = Djl.manager()) {
            Network net = Network.init(base, settings, vocabulary, vocabularyOf.userIds().size(), heads(), ownShapes(settings), rng);
            DenseAdam adam = new DenseAdam((float) settings.learningRate(), net.dense);
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int epoch = 0;
            while (epoch < settings.maxEpochs()) {
                Seeded.shuffle(fitting, rng);
                for (int from = 0; from < fitting.length; from += settings.batch()) {
                    step(base, net, adam, rows, Arrays.copyOfRange(fitting, from, Math.min(fitting.length, from + settings.batch())));
                }
                epoch++;
                double loss = held.length == 0 ? -epoch : validationLoss(base, net, rows, held);
                if (loss < bestLoss - 1e-5) {
                    bestLoss = loss;
                    bestEpoch = epoch;
                    newWeights(net.weights());
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

    /** Logits per exposure: one per behaviour the model predicts. */
    protected int heads() {
        return 1;
    }

    /**
     * A batch's loss, [1]: binary cross-entropy of the logits [B, H] against the labels, averaged over the labels the
     * mask keeps (null: all).
     */
    protected NDArray loss(NDArray logits, NDArray labels, NDArray mask, NDArray one) {
        NDArray each = crossEntropy(logits, labels, one);
        return mask == null ? each.mean() : each.mul(mask).sum().div(mask.sum().maximum(one));
    }

    /** The probabilities one exposure's logits (one per head) stand for, in place. */
    protected void probabilities(float[] logits) {
        for (int h = 0; h < logits.length; h++) {
            logits[h] = sigmoid(logits[h]);
        }
    }

    static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    private NDArray labelsOf(NDManager m, float[] all, int[] rowsOf) {
        int h = heads();
        float[] out = new float[rowsOf.length * h];
        for (int k = 0; k < rowsOf.length; k++) {
            System.arraycopy(all, rowsOf[k] * h, out, k * h, h);
        }
        return m.create(out, new Shape(rowsOf.length, h));
    }

    private RankingBatch batch(Exposure[] exposures, int[] rowsOf) {
        List<Exposure> out = new ArrayList<>(rowsOf.length);
        for (int k : rowsOf) {
            out.add(exposures[k]);
        }
        return new RankingBatch(out, vocabulary);
    }

    private void step(NDManager base, Network net, DenseAdam adam, Rows rows, int[] rowsOf) {
        RankingBatch b = batch(rows.exposures(), rowsOf);
        try (NDManager step = base.newSubManager()) {
            adam.attachTo(step);
            NDArray one = step.create(1f);
            NDArray labels = labelsOf(step, rows.labels(), rowsOf);
            NDArray mask = rows.mask() == null ? null : labelsOf(step, rows.mask(), rowsOf);
            NDArray l2 = step.create((float) (settings.l2() / b.size));
            Network.Output o;
            try (GradientCollector collector = base.getEngine().newGradientCollector()) {
                o = net.forward(step, b, true, this, one);
                NDArray rowsNorm = o.songRows().square().sum().add(o.artistRows().square().sum()).add(o.userRows().square().sum());
                NDArray loss = loss(o.logits(), labels, mask, one).add(rowsNorm.mul(l2));
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

    /** The loss on the held-out rows, per row (batches weighted by their size). */
    private double validationLoss(NDManager base, Network net, Rows rows, int[] rowsOf) {
        double sum = 0;
        for (int from = 0; from < rowsOf.length; from += 1024) {
            int[] part = Arrays.copyOfRange(rowsOf, from, Math.min(rowsOf.length, from + 1024));
            try (NDManager m = base.newSubManager()) {
                NDArray one = m.create(1f);
                NDArray z = net.forward(m, batch(rows.exposures(), part), false, this, one).logits();
                NDArray mask = rows.mask() == null ? null : labelsOf(m, rows.mask(), part);
                sum += loss(z, labelsOf(m, rows.labels(), part), mask, one).getFloat() * part.length;
            }
        }
        return sum / rowsOf.length;
    }

    @Override
    public double[] probabilities(Exposure[] exposures) {
        return probabilities(exposures, 0);
    }

    /** The probabilities of head {@code head} for the exposures. */
    protected final double[] probabilities(Exposure[] exposures, int head) {
        return headProbabilities(exposures)[head];
    }

    /**
     * Every head's probabilities for the exposures ({@code [head][exposure]}), one pass of the ONNX graph per 1,024
     * exposures.
     */
    protected final double[][] headProbabilities(Exposure[] exposures) {
        if (trained == null) {
            throw new IllegalStateException("not fitted");
        }
        int h = heads();
        double[][] p = new double[h][exposures.length];
        RankerSession session = scoring();
        for (int from = 0; from < exposures.length; from += 1024) {
            RankingBatch b = new RankingBatch(Arrays.asList(exposures).subList(from, Math.min(exposures.length, from + 1024)),
                    vocabulary, true);
            float[][] logits = session.logits(b);
            for (int k = 0; k < b.size; k++) {
                probabilities(logits[k]);
                for (int j = 0; j < h; j++) {
                    p[j][from + k] = Math.min(1 - 1e-7, Math.max(1e-7, logits[k][j]));
                }
            }
        }
        return p;
    }

    /** Makes what scoring one listener's candidates needs now rather than at the first request. */
    void prepare() {
        if (trained == null) {
            throw new IllegalStateException("not fitted");
        }
        scoring().prepare();
    }

    /** The session scoring runs, from the trained weights (made at the first call after a fit or restore). */
    private synchronized RankerSession scoring() {
        if (scoring == null) {
            scoring = new RankerSession(this);
        }
        return scoring;
    }

    /**
     * Frees what scoring holds (ONNX Runtime's sessions, native memory), once the calls under way have returned; the
     * model scores no more. For a version the service replaced, or one an evaluation is done with.
     */
    public synchronized void close() {
        if (scoring != null) {
            scoring.close(); // kept: a later call meets the closed session and is refused, rather than opening another
        }
    }

    /** Forgets the scoring session of earlier weights. */
    private synchronized void newWeights(Weights w) {
        trained = w;
        if (scoring != null) {
            scoring.close();
            scoring = null;
        }
    }

    @Override
    public double probability(Exposure e) {
        return probabilities(new Exposure[] {e})[0];
    }

    @Override
    public String note() {
        return note;
    }

    Settings settings() {
        return settings;
    }

    RankingVocabulary vocabulary() {
        return vocabulary;
    }

    /** What fitting learned; null before. */
    Weights weights() {
        return trained;
    }

    /** Makes this an already fitted model ({@link RankerFile}). */
    void restore(RankingVocabulary v, Weights w, String fitNote) {
        vocabulary = v;
        newWeights(w);
        note = fitNote;
    }

    /** Every trained value as Java arrays: the three big tables, then the dense parameters in {@link Network} order. */
    record Weights(int dim, float[] songs, float[] artists, float[] users, float[] wide, float[][] dense, long[][] shapes) {}

    /**
     * The parameters: lazy-Adam tables for songs, artists and listeners, then dense ones: genres, scenes, hours,
     * positions, the MLP's layers, then a subclass's own ({@link #own}).
     */
    static final class Network {
        static final int BASE_DENSE = 4;
        private static final double WIDE_RATE = 5;
        final SparseTable songs;
        final SparseTable artists;
        final SparseTable users;
        final SparseTable wide;
        final NDArray[] dense;
        private final int layers;
        private final int dim;
        private final int heads;

        private Network(SparseTable songs, SparseTable artists, SparseTable users, SparseTable wide, NDArray[] dense, int layers,
                        int dim, int heads) {
            this.songs = songs;
            this.artists = artists;
            this.users = users;
            this.wide = wide;
            this.dense = dense;
            this.layers = layers;
            this.dim = dim;
            this.heads = heads;
        }

        static Network init(NDManager m, Settings s, RankingVocabulary v, int users, int heads, List<long[]> own,
                            SplittableRandom rng) {
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
            dense.add(parameter(m, Seeded.gaussian(in * heads, Math.sqrt(1.0 / in), rng), in, heads));
            dense.add(parameter(m, new float[heads], heads));
            for (long[] shape : own) { // a vector is a bias (zeros), a matrix weights scaled to its inputs
                int size = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                dense.add(parameter(m, shape.length == 1 ? new float[size] : Seeded.gaussian(size, Math.sqrt(1.0 / shape[0]), rng), shape));
            }
            return new Network(new SparseTable(d, Seeded.gaussian(v.items() * d, e, rng), s.learningRate()),
                    new SparseTable(d, Seeded.gaussian(v.artists() * d, e, rng), s.learningRate()),
                    new SparseTable(d, Seeded.gaussian(users * d, e, rng), s.learningRate()),
                    // the wide weights start at 0 and move faster, as a linear model's would
                    new SparseTable(heads, new float[v.buckets() * heads], s.learningRate() * WIDE_RATE),
                    dense.toArray(NDArray[]::new), s.hidden().length + 1, d, heads);
        }

        /** A network for scoring only, from trained weights. */
        static Network of(NDManager m, Settings s, Weights w, int heads) {
            NDArray[] dense = new NDArray[w.dense().length];
            for (int k = 0; k < dense.length; k++) {
                dense[k] = m.create(w.dense()[k], new Shape(w.shapes()[k]));
            }
            return new Network(new SparseTable(w.dim(), w.songs(), 0), new SparseTable(w.dim(), w.artists(), 0),
                    new SparseTable(w.dim(), w.users(), 0), new SparseTable(heads, w.wide(), 0), dense, s.hidden().length + 1, w.dim(),
                    heads);
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
            NDArray genreMask = Djl.input(m, b.songGenreMask, n, g, 1);
            NDArray genres = rows(Djl.input(m, b.songGenres), dense[0]).reshape(n, g, dim).mul(genreMask).sum(new int[] {1})
                    .div(genreMask.sum(new int[] {1}).maximum(one));
            NDArray songVectors = NDArrays.concat(new NDList(songRows, rows(Djl.input(m, b.songArtist), artistRows), genres), 1);
            NDArray target = rows(Djl.input(m, b.target), songVectors);
            NDList parts = new NDList(rows(Djl.input(m, b.user), userRows), target);
            NDArray auxiliary = null;
            for (BehaviourSequences.Kind kind : BehaviourSequences.Kind.values()) {
                int k = kind.ordinal();
                NDArray h = rows(Djl.input(m, b.history[k]), songVectors).reshape(b.historyRows, RankingBatch.L, 3L * dim);
                Pooled pooled = model.pool(kind, h, Djl.input(m, b.historyMask[k], b.historyRows, RankingBatch.L),
                        Djl.input(m, b.historySessions[k], b.historyRows, RankingBatch.L), target, this, one);
                NDArray vector = pooled.vector();
                // a shared history pooled without the target is one row for the whole batch
                parts.add(vector.getShape().get(0) == b.size ? vector : vector.broadcast(new Shape(b.size, vector.getShape().get(1))));
                if (pooled.auxiliaryLoss() != null) {
                    auxiliary = auxiliary == null ? pooled.auxiliaryLoss() : auxiliary.add(pooled.auxiliaryLoss());
                }
            }
            parts.add(rows(Djl.input(m, b.scene), dense[1]));
            parts.add(rows(Djl.input(m, b.hour), dense[2]));
            parts.add(rows(Djl.input(m, b.position), dense[3]));
            parts.add(Djl.input(m, b.popularity, b.size, 1));
            NDArray x = NDArrays.concat(parts, 1);
            for (int l = 0; l < layers; l++) {
                x = x.matMul(dense[BASE_DENSE + 2 * l]).add(dense[BASE_DENSE + 2 * l + 1]);
                if (l < layers - 1) {
                    x = Activation.relu(x);
                }
            }
            NDArray linear = rows(Djl.input(m, b.wide), wideRows).reshape(b.size, b.wideWidth, heads)
                    .mul(Djl.input(m, b.wideMask, b.size, b.wideWidth, 1)).sum(new int[] {1});           // [B, H]
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
