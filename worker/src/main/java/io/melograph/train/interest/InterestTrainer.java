package io.melograph.train.interest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.melograph.djl.DenseAdam;
import io.melograph.djl.Djl;
import io.melograph.djl.SparseTable;
import io.melograph.interest.InterestModel;
import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.SongTower;
import io.melograph.util.Seeded;
import io.melograph.vectors.VectorMath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.melograph.djl.Djl.parameter;
import static io.melograph.djl.Djl.rows;

/**
 * Learns an {@link InterestModel} from listeners' song sequences with DJL on PyTorch: next-song prediction, each
 * example a target song and the {@code window} songs heard before it, sampled softmax over the target and
 * {@code negatives} songs drawn uniformly per batch (a negative equal to the target is masked). For the single
 * vector, song vectors and the interest are scaled to length 1 and the softmax runs over their cosines divided by
 * {@link #TEMPERATURE} ({@link #formOf}).
 *
 * <p>The song tower is knowledge-aware when a {@link SongNeighbourhood} is given: a song's vector is its id embedding
 * plus an attention-weighted sum of its neighbours' entity embeddings, the attention logit of a neighbour
 * {@code bias_r + key_r · tanh(e_t)} depending on the relation path r that leads to it (KGAT-style relation-aware
 * aggregation, without the song itself in the logit so a cold song attends as a known one does). During training a
 * song's id embedding is dropped with probability {@code idDropout}, so the graph part alone must place a song — what a
 * cold song has at serving time; a song nobody heard in training never uses its id embedding. MIND (in its default
 * form) adds to each capsule the routing-weighted mean of its songs' vectors and uses label-aware attention over the interests in training,
 * {@code softmax(p · <interest_k, target>)}, the sharpened softmax form of the paper's {@code pow(·, p)}.
 *
 * <p>The song-id and entity tables are {@link SparseTable}s (lazy Adam on the rows a batch touches), so a step's cost
 * does not grow with the catalog; the small matrices use {@link DenseAdam}.
 *
 * <p>Everything starts from seeded Java Gaussians and batches come from the same seeded generator (see {@link Djl} for
 * why constants inside the recording are arrays made in the step's manager).
 */
public final class InterestTrainer {
    static final float MASKED = -1e9f;
    /** The softmax temperature over cosines, chosen on HetRec's validation split (docs/eval/interests.md). */
    static final float TEMPERATURE = 0.1f;

    /** How to train; {@link #defaults} gives the settings the evaluation uses unless tuned. */
    public record Settings(InterestModel.Kind kind, boolean graph, int dim, int window, int maxInterests, int epochs,
                           double learningRate, int batch, int negatives, double idDropout, double labelPower,
                           int neighbours, int targetsPerUser) {
        public static Settings defaults(InterestModel.Kind kind, boolean graph) {
            return new Settings(kind, graph, 32, 50, 4, 10, 0.005, 256, 256, 0.25, 2.0, 16, 200);
        }

        public Settings withEpochs(int n) {
            return new Settings(kind, graph, dim, window, maxInterests, n, learningRate, batch, negatives, idDropout, labelPower,
                    neighbours, targetsPerUser);
        }
    }

    /**
     * The model, what the tower learned about relations (attention share per relation path), the tower's graph half by
     * name for songs added later (null for the id-only tower, or a neighbourhood without entity ids) and the training cost.
     */
    public record Trained(InterestModel model, Map<String, Double> relationAttention, SongTower tower, long millis, int steps,
                          double lastLoss) {}

    private final Settings settings;
    private final InterestModel.Form form;

    public InterestTrainer(Settings settings) {
        this(settings, formOf(settings.kind()));
    }

    /** A trainer of the model in this form (one of {@link #formsOf} its kind). */
    public InterestTrainer(Settings settings, InterestModel.Form form) {
        this.settings = settings;
        this.form = form;
    }

    /**
     * @param sequences per listener, the songs heard oldest first (repeats allowed; consecutive repeats are one step)
     * @param songs     number of songs (indices {@code 0..songs-1})
     * @param graph     the songs' neighbourhoods ({@link SongNeighbourhood#none} for the id-only tower)
     */
    public Trained train(int[][] sequences, int songs, SongNeighbourhood graph, long seed) {
        long started = System.nanoTime();
        Settings s = settings;
        boolean kg = s.graph() && !graph.empty();
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] steps = Arrays.stream(sequences).map(InterestTrainer::collapseRepeats).toArray(int[][]::new);
        // a song nobody heard has an id embedding only negatives ever moved: it goes by its graph alone, as a new one would
        boolean[] heard = new boolean[songs];
        Arrays.stream(steps).flatMapToInt(Arrays::stream).forEach(song -> heard[song] = true);
        int d = s.dim();
        int relations = Math.max(1, graph.relations().size());
        try (NDManager base = Djl.manager()) {
            SparseTable ids = new SparseTable(d, Seeded.gaussian(songs * d, 0.1, rng), s.learningRate());
            SparseTable entities = new SparseTable(d, Seeded.gaussian(graph.entities() * d, 0.1, rng), s.learningRate());
            NDArray keys = parameter(base, Seeded.gaussian(relations * d, 0.1, rng), relations, d);
            NDArray biases = parameter(base, new float[relations], relations, 1);
            NDArray w1 = parameter(base, Seeded.gaussian(d * d, 1 / Math.sqrt(d), rng), d, d);
            NDArray b1 = parameter(base, new float[d], d);
            NDArray w2 = parameter(base, Seeded.gaussian(d * d, 1 / Math.sqrt(d), rng), d, d);
            NDArray bilinear = parameter(base, Seeded.gaussian(d * d, 1 / Math.sqrt(d), rng), d, d);
            float[] routingInit = Seeded.gaussian(s.maxInterests() * s.window(), 1.0, rng);
            NDArray routing = base.create(routingInit, new Shape(1, s.maxInterests(), s.window()));
            List<NDArray> trained = new ArrayList<>(List.of(w1, b1, w2));
            if (kg) {
                trained.addAll(List.of(keys, biases));
            }
            if (s.kind() == InterestModel.Kind.MIND) {
                trained.add(bilinear);
            }
            DenseAdam adam = new DenseAdam((float) s.learningRate(), trained.toArray(NDArray[]::new));
            Tower tower = new Tower(ids, entities, keys, biases, graph, kg);
            int stepCount = 0;
            double loss = Double.NaN;
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                List<long[]> examples = examples(steps, rng);
                for (int from = 0; from < examples.size(); from += s.batch()) {
                    List<long[]> batch = examples.subList(from, Math.min(examples.size(), from + s.batch()));
                    loss = step(base, adam, tower, w1, b1, w2, bilinear, routing, batch, steps, heard, rng);
                    stepCount++;
                }
            }
            float[] songVectors = new float[songs * d];
            Map<String, Double> attention = new LinkedHashMap<>();
            double[] mass = new double[relations];
            for (int from = 0; from < songs; from += 4096) {
                try (NDManager out = base.newSubManager()) { // one chunk's arrays at a time: a million songs' would not fit
                    long[] chunk = new long[Math.min(4096, songs - from)];
                    float[] keep = new float[chunk.length];
                    for (int k = 0; k < chunk.length; k++) {
                        chunk[k] = from + k;
                        keep[k] = heard[from + k] || !kg ? 1f : 0f;
                    }
                    Tower.Output o = tower.forward(out, chunk, out.create(keep, new Shape(chunk.length, 1)), false);
                    System.arraycopy(o.vectors().toFloatArray(), 0, songVectors, from * d, chunk.length * d);
                    if (o.attention() != null) {
                        float[] a = o.attention().toFloatArray();
                        for (int k = 0; k < chunk.length; k++) {
                            for (int m = 0; m < graph.count(from + k); m++) {
                                mass[graph.relation(from + k, m)] += a[k * graph.width() + m];
                            }
                        }
                    }
                }
            }
            double total = Arrays.stream(mass).sum();
            for (int r = 0; r < graph.relations().size() && kg; r++) {
                attention.put(graph.relations().get(r), total == 0 ? 0 : mass[r] / total);
            }
            if (form.normalised()) {
                VectorMath.normaliseRows(songVectors, d);
            }
            InterestModel model = new InterestModel(s.kind(), d, s.window(), s.maxInterests(), songVectors,
                    bilinear.toFloatArray(), routingInit, w1.toFloatArray(), b1.toFloatArray(), w2.toFloatArray(), form);
            SongTower served = kg && !graph.entityIds().isEmpty() ? tower(graph, entities.values(), keys.toFloatArray(),
                    biases.toFloatArray(), d) : null;
            return new Trained(model, attention, served, (System.nanoTime() - started) / 1_000_000, stepCount, loss);
        }
    }

    /** The tower's graph half by name: the entities some song's neighbourhood reached (the only ones training moved). */
    private static SongTower tower(SongNeighbourhood graph, float[] entityTable, float[] keys, float[] biases, int d) {
        BitSet reached = new BitSet();
        for (int song = 0; song < graph.songs(); song++) {
            for (int k = 0; k < graph.count(song); k++) {
                reached.set(graph.entity(song, k));
            }
        }
        List<String> ids = new ArrayList<>();
        float[] rows = new float[reached.cardinality() * d];
        for (int e = reached.nextSetBit(0); e >= 0; e = reached.nextSetBit(e + 1)) {
            System.arraycopy(entityTable, e * d, rows, ids.size() * d, d);
            ids.add(graph.entityIds().get(e));
        }
        return new SongTower(d, graph.width(), graph.relations(), keys, biases, ids, rows);
    }

    /** Examples of one epoch, shuffled: {listener, target position}, at most {@code targetsPerUser} per listener. */
    private List<long[]> examples(int[][] steps, SplittableRandom rng) {
        List<long[]> out = new ArrayList<>();
        for (int u = 0; u < steps.length; u++) {
            int targets = steps[u].length - 1;
            if (targets <= 0) {
                continue;
            }
            int[] positions = new int[targets];
            for (int t = 0; t < targets; t++) {
                positions[t] = t + 1;
            }
            Seeded.shuffle(positions, rng);
            for (int k = 0; k < Math.min(targets, settings.targetsPerUser()); k++) {
                out.add(new long[] {u, positions[k]});
            }
        }
        long[][] all = out.toArray(long[][]::new);
        Seeded.shuffle(all, rng);
        return Arrays.asList(all);
    }

    private double step(NDManager base, DenseAdam adam, Tower tower, NDArray w1, NDArray b1, NDArray w2, NDArray bilinear,
                        NDArray routing, List<long[]> batch, int[][] steps, boolean[] heard, SplittableRandom rng) {
        int songs = heard.length;
        Settings s = settings;
        int b = batch.size();
        int l = s.window();
        int kMax = s.kind() == InterestModel.Kind.MIND ? s.maxInterests() : 1;
        // the songs of this batch once each: histories, targets, negatives
        Map<Integer, Integer> local = new LinkedHashMap<>();
        long[] history = new long[b * l];
        float[] historyMask = new float[b * l];
        float[] interestMask = new float[b * kMax];
        long[] target = new long[b];
        int[] targetSong = new int[b];
        for (int e = 0; e < b; e++) {
            int[] seq = steps[(int) batch.get(e)[0]];
            int t = (int) batch.get(e)[1];
            int n = Math.min(l, t);
            for (int j = 0; j < n; j++) {
                int song = seq[t - n + j];
                history[e * l + (l - n + j)] = local.computeIfAbsent(song, x -> local.size());
                historyMask[e * l + (l - n + j)] = 1f;
            }
            int k = InterestModel.interestsFor(n, kMax);
            for (int i = k; i < kMax; i++) {
                interestMask[e * kMax + i] = MASKED;
            }
            targetSong[e] = seq[t];
            target[e] = local.computeIfAbsent(seq[t], x -> local.size());
        }
        Negatives drawn = Negatives.sample(s.negatives(), songs, targetSong, local, rng);
        long[] batchSongs = local.keySet().stream().mapToLong(Integer::longValue).toArray();
        float[] keep = new float[batchSongs.length];
        for (int k = 0; k < keep.length; k++) {
            boolean drop = rng.nextDouble() < s.idDropout() || !heard[(int) batchSongs[k]];
            keep[k] = tower.kg() && drop ? 0f : 1f;
        }
        try (NDManager step = base.newSubManager()) {
            adam.attachTo(step);
            NDArray historyIdx = step.create(history);
            NDArray hMask = step.create(historyMask, new Shape(b, l));
            NDArray kMask = step.create(interestMask, new Shape(b, kMax));
            NDArray targetIdx = step.create(target);
            NDArray negativeIdx = step.create(drawn.ids());
            NDArray hits = step.create(drawn.hitMask(), new Shape(b, s.negatives()));
            NDArray keepIds = step.create(keep, new Shape(keep.length, 1));
            NDArray labelPower = step.create((float) s.labelPower());
            NDArray one = step.create(1f);
            NDArray epsilon = step.create((float) InterestModel.SQUASH_EPSILON);
            NDArray lossValue;
            Tower.Output o;
            try (GradientCollector collector = base.getEngine().newGradientCollector()) {
                o = tower.forward(step, batchSongs, keepIds, true);
                boolean cosine = form.normalised();
                NDArray vectors = cosine ? unit(o.vectors()) : o.vectors();                // [U, d]
                NDArray h = rows(historyIdx, vectors).reshape(b, l, s.dim());               // [B, L, d]
                NDArray interests;                                                          // [B, K, d]
                if (s.kind() == InterestModel.Kind.SINGLE) {
                    NDArray summed = h.mul(hMask.expandDims(2)).sum(new int[] {1});
                    NDArray count = hMask.sum(new int[] {1}, true).maximum(one);
                    interests = head(summed.div(count), w1, b1, w2).expandDims(1);
                } else {
                    interests = head(route(h, hMask, kMask, bilinear, routing, form.routedMean(), one, epsilon), w1, b1, w2);
                }
                if (cosine) {
                    interests = unit(interests);
                }
                NDArray targets = rows(targetIdx, vectors);                                 // [B, d]
                NDArray affinity = interests.mul(targets.expandDims(1)).sum(new int[] {2}); // [B, K]
                NDArray attention = affinity.mul(labelPower).add(kMask).softmax(1);
                NDArray user = interests.mul(attention.expandDims(2)).sum(new int[] {1});   // [B, d]
                NDArray positive = user.mul(targets).sum(new int[] {1}, true);             // [B, 1]
                NDArray negatives = user.matMul(rows(negativeIdx, vectors).transpose()).add(hits); // [B, S]
                NDArray logits = positive.concat(negatives, 1);
                if (cosine) {
                    logits = logits.mul(step.create(1 / TEMPERATURE));
                }
                NDArray loss = logits.logSoftmax(1).get(":, 0").mean().neg();
                collector.backward(loss);
                lossValue = loss;
            }
            adam.update();
            tower.update(o);
            return lossValue.getFloat();
        }
    }

    /**
     * A batch's sampled-softmax negatives: {@code count} songs drawn uniformly (as indices of the batch's own song list,
     * added to {@code local}), and per example a mask that rules out a negative equal to its target.
     */
    record Negatives(long[] ids, float[] hitMask) {
        static Negatives sample(int count, int songs, int[] targetSong, Map<Integer, Integer> local, SplittableRandom rng) {
            long[] ids = new long[count];
            float[] hitMask = new float[targetSong.length * count];
            for (int k = 0; k < count; k++) {
                int song = rng.nextInt(songs);
                ids[k] = local.computeIfAbsent(song, x -> local.size());
                for (int e = 0; e < targetSong.length; e++) {
                    if (targetSong[e] == song) {
                        hitMask[e * count + k] = MASKED;
                    }
                }
            }
            return new Negatives(ids, hitMask);
        }
    }

    /** MIND's behaviour-to-interest routing over [B, L, d] histories; the agreement updates carry no gradient. */
    static NDArray route(NDArray h, NDArray hMask, NDArray kMask, NDArray bilinear, NDArray routing, boolean routedMean,
                         NDArray one, NDArray epsilon) {
        NDArray mapped = h.matMul(bilinear);                                   // [B, L, d]
        // [B, K, L]; the zeros come first so the sum lands in the step's manager, not the fixed start's
        NDArray logits = h.zerosLike().sum(new int[] {2}).expandDims(1).add(routing);
        NDArray capsules = null;
        for (int iteration = 0; iteration < InterestModel.ROUTING_ITERATIONS; iteration++) {
            NDArray weights = logits.add(kMask.expandDims(2)).softmax(1).mul(hMask.expandDims(1));
            capsules = squash(weights.batchMatMul(mapped), one, epsilon);     // [B, K, d]
            if (routedMean && iteration == InterestModel.ROUTING_ITERATIONS - 1) { // plus the songs' own mean (InterestModel.Form)
                capsules = capsules.add(weights.batchMatMul(h).div(weights.sum(new int[] {2}, true).maximum(one)));
            }
            if (iteration < InterestModel.ROUTING_ITERATIONS - 1) {
                logits = logits.add(capsules.batchMatMul(mapped.transpose(0, 2, 1)).stopGradient());
            }
        }
        return capsules;
    }

    /**
     * A kind's default form, as HetRec's validation split chose (docs/eval/interests.md): cosines for the single vector;
     * raw dot products for MIND, whose capsules add their songs' mean (cosines there lost more than they gave).
     */
    static InterestModel.Form formOf(InterestModel.Kind kind) {
        return formsOf(kind).get(0);
    }

    /**
     * The forms worth trying for a kind, the default first: MIND with and without its capsules' routed mean, which
     * nearly doubled MIND on HetRec and lost on the demo (docs/eval/interests.md), so that {@link InterestVersions}
     * chooses per catalog, at the end of the training window; the single vector in its one form.
     */
    public static List<InterestModel.Form> formsOf(InterestModel.Kind kind) {
        return kind == InterestModel.Kind.SINGLE ? List.of(new InterestModel.Form(true, true, false))
                : List.of(new InterestModel.Form(true, false, true), new InterestModel.Form(true, false, false));
    }

    /** Each row (last axis) scaled to length 1. */
    private static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {x.getShape().dimension() - 1}, true).add(1e-12f).sqrt());
    }

    private static NDArray squash(NDArray z, NDArray one, NDArray epsilon) {
        NDArray norm2 = z.square().sum(new int[] {2}, true);
        return z.mul(norm2.div(norm2.add(one)).div(norm2.add(epsilon).sqrt()));
    }

    /** The residual head {@code x + relu(x·W1 + b1)·W2} ({@link InterestModel} serves the same). */
    static NDArray head(NDArray x, NDArray w1, NDArray b1, NDArray w2) {
        return Activation.relu(x.matMul(w1).add(b1)).matMul(w2).add(x);
    }

    /**
     * The song tower: id embedding (dropped where {@code keep} is 0) plus relation-aware attention over neighbours. The
     * two big tables are {@link SparseTable}s: a forward pass gathers the rows of its songs and their neighbours.
     */
    private record Tower(SparseTable ids, SparseTable entities, NDArray keys, NDArray biases, SongNeighbourhood graph, boolean kg) {
        /** The songs' vectors and attention, and the rows gathered (leaves when learning) for the update. */
        record Output(NDArray vectors, NDArray attention, long[] songs, NDArray idRows, long[] entityIds, NDArray entityRows) {}

        Output forward(NDManager m, long[] songs, NDArray keep, boolean learn) {
            NDArray idRows = ids.gather(m, songs, learn);
            NDArray idVectors = keep == null ? idRows : idRows.mul(keep);
            if (!kg) {
                return new Output(idVectors, null, songs, idRows, null, null);
            }
            int width = graph.width();
            Map<Integer, Integer> local = new LinkedHashMap<>(); // the batch's entities once each
            long[] entity = new long[songs.length * width];
            long[] relation = new long[songs.length * width];
            float[] valid = new float[songs.length * width];
            float[] masked = new float[songs.length * width];
            for (int k = 0; k < songs.length; k++) {
                int song = (int) songs[k];
                for (int j = 0; j < width; j++) {
                    boolean has = j < graph.count(song);
                    entity[k * width + j] = has ? local.computeIfAbsent(graph.entity(song, j), x -> local.size()) : 0;
                    relation[k * width + j] = has ? graph.relation(song, j) : 0;
                    valid[k * width + j] = has ? 1f : 0f;
                    masked[k * width + j] = has ? 0f : MASKED;
                }
            }
            if (local.isEmpty()) {
                local.put(0, 0); // one row to index into; every slot is masked
            }
            long[] entityIds = local.keySet().stream().mapToLong(Integer::longValue).toArray();
            NDArray entityRows = entities.gather(m, entityIds, learn);
            NDArray e = rows(m.create(entity), entityRows).reshape(songs.length, width, -1);  // [N, M, d]
            NDArray r = m.create(relation);
            NDArray key = rows(r, keys).reshape(songs.length, width, -1);
            NDArray bias = rows(r, biases).reshape(songs.length, width);
            NDArray logits = key.mul(e.tanh()).sum(new int[] {2}).add(bias).add(m.create(masked, new Shape(songs.length, width)));
            NDArray attention = logits.softmax(1).mul(m.create(valid, new Shape(songs.length, width)));
            NDArray context = e.mul(attention.expandDims(2)).sum(new int[] {1});
            return new Output(idVectors.add(context), attention, songs, idRows, entityIds, entityRows);
        }

        /** Lazy Adam on the rows a learning forward pass gathered. */
        void update(Output o) {
            ids.update(o.songs(), o.idRows());
            if (o.entityRows() != null) {
                entities.update(o.entityIds(), o.entityRows());
            }
        }
    }

    /** The sequence without immediate repeats (several tags or plays of one song in a row are one step of taste). */
    static int[] collapseRepeats(int[] sequence) {
        int[] out = new int[sequence.length];
        int n = 0;
        for (int song : sequence) {
            if (n == 0 || out[n - 1] != song) {
                out[n++] = song;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
