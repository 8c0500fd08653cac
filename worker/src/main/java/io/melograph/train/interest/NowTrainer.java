package io.melograph.train.interest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.melograph.djl.DenseAdam;
import io.melograph.djl.Djl;
import io.melograph.djl.SparseTable;
import io.melograph.interest.InterestModel;
import io.melograph.interest.NowModel;
import io.melograph.interest.NowSteps;
import io.melograph.util.Seeded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.melograph.train.interest.InterestTrainer.MASKED;
import static io.melograph.djl.Djl.parameter;
import static io.melograph.djl.Djl.rows;

/**
 * Learns a {@link NowModel} with DJL on PyTorch, in a space and with a loss of its own: from each listener's plays, every
 * song they took to is a target and the {@code window} plays before it (how each ended, how long before) the input;
 * sampled softmax over the target and {@code negatives} uniform songs. A song's short-term vector starts from its
 * long-term one (frozen, through a learned map {@code P}, so a song no one played has one) plus an id embedding of its own
 * that only songs played in training keep.
 */
public final class NowTrainer {
    /** How to train: the window of plays, passes, rate, batch, negatives, targets per listener and pass. */
    public record Settings(int window, int epochs, double learningRate, int batch, int negatives, int targetsPerUser) {
        public static Settings defaults() {
            return new Settings(20, 10, 0.005, 256, 256, 200);
        }

        public Settings withEpochs(int n) {
            return new Settings(window, n, learningRate, batch, negatives, targetsPerUser);
        }
    }

    /** One listener's plays, oldest first: song (an index of the long-term model), how it ended, when it began. */
    public record Plays(int[] songs, int[] outcomes, long[] times) {
        public int size() {
            return songs.length;
        }
    }

    /** The model and the training cost. */
    public record Trained(NowModel model, long millis, int steps, double lastLoss) {}

    private final Settings settings;

    public NowTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param plays     per listener, their plays oldest first, songs as indices of {@code longTerm}
     * @param longTerm  the long-term model whose song vectors the short-term ones start from
     */
    public Trained train(List<Plays> plays, InterestModel longTerm, long seed) {
        long started = System.nanoTime();
        Settings s = settings;
        int songs = longTerm.songs();
        int d = longTerm.dim();
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] heard = new boolean[songs];
        plays.forEach(p -> Arrays.stream(p.songs()).forEach(song -> heard[song] = true));
        float[] longVectors = new float[songs * d];
        for (int song = 0; song < songs; song++) {
            System.arraycopy(longTerm.songVector(song), 0, longVectors, song * d, d);
        }
        try (NDManager base = Djl.manager()) {
            NDArray frozen = base.create(longVectors, new Shape(songs, d));
            NDArray p = parameter(base, identityPlus(d, 0.01, rng), d, d);
            SparseTable own = new SparseTable(d, new float[songs * d], s.learningRate());
            NDArray actions = parameter(base, Seeded.gaussian(NowSteps.OUTCOMES * d, 0.01, rng), NowSteps.OUTCOMES, d);
            float[] ones = new float[NowSteps.OUTCOMES];
            Arrays.fill(ones, 1f);
            NDArray gates = parameter(base, ones, NowSteps.OUTCOMES, 1);
            NDArray recencies = parameter(base, Seeded.gaussian(NowSteps.RECENCIES * d, 0.01, rng), NowSteps.RECENCIES, d);
            NDArray wa = parameter(base, Seeded.gaussian(d * d, 1 / Math.sqrt(d), rng), d, d);
            NDArray query = parameter(base, Seeded.gaussian(d, 0.1, rng), d, 1);
            NDArray wo = parameter(base, identityPlus(d, 0.01, rng), d, d);
            DenseAdam adam = new DenseAdam((float) s.learningRate(), p, actions, gates, recencies, wa, query, wo);
            Params params = new Params(frozen, p, own, actions, gates, recencies, wa, query, wo);
            int stepCount = 0;
            double loss = Double.NaN;
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                List<int[]> examples = examples(plays, rng);
                for (int from = 0; from < examples.size(); from += s.batch()) {
                    loss = step(base, adam, params, examples.subList(from, Math.min(examples.size(), from + s.batch())), plays, songs, rng);
                    stepCount++;
                }
            }
            float[] vectors = new float[songs * d];
            for (int from = 0; from < songs; from += 4096) {
                try (NDManager out = base.newSubManager()) { // one chunk's arrays at a time
                    long[] chunk = new long[Math.min(4096, songs - from)];
                    float[] keep = new float[chunk.length];
                    for (int k = 0; k < chunk.length; k++) {
                        chunk[k] = from + k;
                        keep[k] = heard[from + k] ? 1f : 0f;
                    }
                    NDArray v = params.songs(out, chunk, out.create(keep, new Shape(chunk.length, 1)), own.gather(out, chunk, false));
                    System.arraycopy(v.toFloatArray(), 0, vectors, from * d, chunk.length * d);
                }
            }
            NowModel model = new NowModel(d, s.window(), vectors, actions.toFloatArray(), gates.toFloatArray(), recencies.toFloatArray(),
                    wa.toFloatArray(), query.toFloatArray(), wo.toFloatArray(), p.toFloatArray());
            return new Trained(model, (System.nanoTime() - started) / 1_000_000, stepCount, loss);
        }
    }

    private static float[] identityPlus(int d, double std, SplittableRandom rng) {
        float[] m = Seeded.gaussian(d * d, std, rng);
        for (int i = 0; i < d; i++) {
            m[i * d + i] += 1f;
        }
        return m;
    }

    private record Params(NDArray frozen, NDArray p, SparseTable own, NDArray actions, NDArray gates, NDArray recencies, NDArray wa,
                          NDArray query, NDArray wo) {
        /** Short-term song vectors: the long-term one through P, plus the own embedding where {@code keep} is 1. */
        NDArray songs(NDManager m, long[] songs, NDArray keep, NDArray ownRows) {
            return rows(m.create(songs), frozen).matMul(p).add(ownRows.mul(keep));
        }
    }

    /** Examples of one pass, shuffled: {listener, position of a play taken to with at least one play before it}. */
    private List<int[]> examples(List<Plays> plays, SplittableRandom rng) {
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < plays.size(); u++) {
            Plays p = plays.get(u);
            List<Integer> targets = new ArrayList<>();
            for (int t = 1; t < p.size(); t++) {
                if (p.outcomes()[t] == NowSteps.COMPLETED || p.outcomes()[t] == NowSteps.LIKED) {
                    targets.add(t);
                }
            }
            int[] positions = targets.stream().mapToInt(Integer::intValue).toArray();
            Seeded.shuffle(positions, rng);
            for (int k = 0; k < Math.min(positions.length, settings.targetsPerUser()); k++) {
                out.add(new int[] {u, positions[k]});
            }
        }
        int[][] all = out.toArray(int[][]::new);
        Seeded.shuffle(all, rng);
        return Arrays.asList(all);
    }

    private double step(NDManager base, DenseAdam adam, Params w, List<int[]> batch, List<Plays> plays, int songs, SplittableRandom rng) {
        int b = batch.size();
        int l = settings.window();
        Map<Integer, Integer> local = new LinkedHashMap<>();
        long[] context = new long[b * l];
        long[] outcome = new long[b * l];
        long[] recency = new long[b * l];
        float[] mask = new float[b * l];
        Arrays.fill(mask, MASKED);
        long[] target = new long[b];
        int[] targetSong = new int[b];
        for (int e = 0; e < b; e++) {
            Plays p = plays.get(batch.get(e)[0]);
            int t = batch.get(e)[1];
            int n = Math.min(l, t);
            for (int j = 0; j < n; j++) {
                int play = t - n + j;
                int slot = e * l + (l - n + j);
                context[slot] = local.computeIfAbsent(p.songs()[play], x -> local.size());
                outcome[slot] = p.outcomes()[play];
                recency[slot] = NowSteps.recency(p.times()[t] - p.times()[play]);
                mask[slot] = 0f;
            }
            targetSong[e] = p.songs()[t];
            target[e] = local.computeIfAbsent(p.songs()[t], x -> local.size());
        }
        InterestTrainer.Negatives drawn = InterestTrainer.Negatives.sample(settings.negatives(), songs, targetSong, local, rng);
        long[] batchSongs = local.keySet().stream().mapToLong(Integer::longValue).toArray();
        float[] ones = new float[batchSongs.length];
        Arrays.fill(ones, 1f);
        try (NDManager step = base.newSubManager()) {
            adam.attachTo(step);
            NDArray contextIdx = step.create(context);
            NDArray outcomeIdx = step.create(outcome);
            NDArray recencyIdx = step.create(recency);
            NDArray masked = step.create(mask, new Shape(b, l));
            NDArray targetIdx = step.create(target);
            NDArray negativeIdx = step.create(drawn.ids());
            NDArray hits = step.create(drawn.hitMask(), new Shape(b, settings.negatives()));
            NDArray lossValue;
            NDArray ownRows = w.own().gather(step, batchSongs, true);
            try (GradientCollector collector = base.getEngine().newGradientCollector()) {
                NDArray vectors = w.songs(step, batchSongs, step.create(ones, new Shape(ones.length, 1)), ownRows); // [U, d]
                NDArray x = rows(contextIdx, vectors).mul(rows(outcomeIdx, w.gates()))
                        .add(rows(outcomeIdx, w.actions())).add(rows(recencyIdx, w.recencies())).reshape(b, l, -1); // [B, L, d]
                NDArray logits = x.matMul(w.wa()).tanh().matMul(w.query()).reshape(b, l).add(masked);
                NDArray attention = logits.softmax(1);
                NDArray user = x.mul(attention.expandDims(2)).sum(new int[] {1}).matMul(w.wo());          // [B, d]
                NDArray positive = user.mul(rows(targetIdx, vectors)).sum(new int[] {1}, true);
                NDArray negatives = user.matMul(rows(negativeIdx, vectors).transpose()).add(hits);
                NDArray loss = positive.concat(negatives, 1).logSoftmax(1).get(":, 0").mean().neg();
                collector.backward(loss);
                lossValue = loss;
            }
            adam.update();
            w.own().update(batchSongs, ownRows);
            return lossValue.getFloat();
        }
    }
}
