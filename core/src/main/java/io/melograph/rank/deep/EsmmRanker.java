package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;
import io.melograph.rank.MultiTaskRanker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DIN with multi-task heads along the chain, after ESMM (Ma et al., SIGIR 2018): one network (embeddings, target
 * attention over the behaviour sequences, the MLP and the wide part shared) ending in three logits, p(click | shown),
 * p(complete | played) and p(like | completed). The like head is never fitted on completed songs alone: it is
 * trained through p(like | played) = p(complete | played) · p(like | completed) on every play, ESMM's entire-space
 * product, so the sparse like labels share what the dense complete labels teach. Impressions train the click logit,
 * plays the other two; each row's loss counts only the heads it has labels for.
 */
public final class EsmmRanker extends DinRanker implements MultiTaskRanker {
    private static final int CLICK = Head.CLICK.ordinal();
    private static final int COMPLETE = Head.COMPLETE.ordinal();
    private static final int LIKE = Head.LIKE.ordinal();

    public EsmmRanker() {
        super();
    }

    public EsmmRanker(Settings settings) {
        super(settings);
    }

    @Override
    protected int heads() {
        return Head.values().length;
    }

    @Override
    public void fit(Map<Head, BehaviourData> train, long seed) {
        BehaviourData clicks = train.get(Head.CLICK);
        BehaviourData completes = train.get(Head.COMPLETE);
        BehaviourData likes = train.get(Head.LIKE);
        List<Exposure> exposures = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        for (int k = 0; clicks != null && k < clicks.labels().length; k++) {
            exposures.add(clicks.exposures()[k]);
            labels.add(row(CLICK, clicks.labels()[k]));
            masks.add(row(CLICK, true));
        }
        int firstPlay = exposures.size(); // the complete rows follow the click rows
        for (int k = 0; completes != null && k < completes.labels().length; k++) {
            exposures.add(completes.exposures()[k]);
            labels.add(row(COMPLETE, completes.labels()[k]));
            masks.add(row(COMPLETE, true));
        }
        for (int k = 0; likes != null && k < likes.labels().length; k++) {
            Exposure e = likes.exposures()[k];
            int at = firstPlay + k;
            if (at < exposures.size() && same(exposures.get(at), e)) { // the play the complete head saw: one row for both
                labels.get(at)[LIKE] = likes.labels()[k] ? 1f : 0f;
                masks.get(at)[LIKE] = 1f;
            } else {
                exposures.add(e);
                labels.add(row(LIKE, likes.labels()[k]));
                masks.add(row(LIKE, true));
            }
        }
        BehaviourData any = clicks != null ? clicks : completes != null ? completes : likes;
        if (any == null || exposures.isEmpty()) {
            throw new IllegalArgumentException("no exposures to learn from");
        }
        Exposure[] all = exposures.toArray(Exposure[]::new);
        fit(new BehaviourData(any.userIds(), any.items(), all, new boolean[all.length]),
                new Rows(all, flat(labels), flat(masks)), seed);
    }

    @Override
    public double[] probabilities(Head head, Exposure[] exposures) {
        return probabilities(exposures, head.ordinal());
    }

    @Override
    public double[][] allHeads(Exposure[] exposures) {
        return headProbabilities(exposures);
    }

    // one behaviour at a time is refused (MultiTaskRanker's defaults; the base model's would win otherwise)
    @Override
    public void fit(BehaviourData train, long seed) {
        MultiTaskRanker.super.fit(train, seed);
    }

    @Override
    public double[] probabilities(Exposure[] exposures) {
        return MultiTaskRanker.super.probabilities(exposures);
    }

    @Override
    public double probability(Exposure e) {
        return MultiTaskRanker.super.probability(e);
    }

    /** Click and complete as their logits say; like as p(complete | played) · p(like | completed), as trained. */
    @Override
    protected void probabilities(float[] logits) {
        super.probabilities(logits);
        logits[LIKE] *= logits[COMPLETE];
    }

    /**
     * Click and complete: cross-entropy on their logits; like: cross-entropy of the product p(complete) · p(like |
     * completed) against "liked", from log-probabilities (log σ(z) = −softplus(−z)) so it stays finite.
     */
    @Override
    protected NDArray loss(NDArray logits, NDArray labels, NDArray mask, NDArray one) {
        NDArray chain = logits.get(":, 0:" + LIKE);
        NDArray chainLoss = crossEntropy(chain, labels.get(":, 0:" + LIKE), one).mul(mask.get(":, 0:" + LIKE));
        NDArray logLike = logSigmoid(logits.get(":, " + COMPLETE + ":" + (COMPLETE + 1)), one)
                .add(logSigmoid(logits.get(":, " + LIKE + ":" + (LIKE + 1)), one));                       // log p(like | played)
        NDArray tiny = logits.getManager().create(1e-7f);
        NDArray logNot = one.sub(logLike.exp()).maximum(tiny).log();
        NDArray y = labels.get(":, " + LIKE + ":" + (LIKE + 1));
        NDArray likeLoss = y.mul(logLike).add(one.sub(y).mul(logNot)).neg().mul(mask.get(":, " + LIKE + ":" + (LIKE + 1)));
        return chainLoss.sum().add(likeLoss.sum()).div(mask.sum().maximum(one));
    }

    /** log σ(z) = −(max(−z, 0) + log(1 + e^−|z|)). */
    private static NDArray logSigmoid(NDArray z, NDArray one) {
        return Activation.relu(z.neg()).add(z.abs().neg().exp().add(one).log()).neg();
    }

    private static boolean same(Exposure a, Exposure b) {
        return a.user() == b.user() && a.item() == b.item() && a.ts() == b.ts();
    }

    private static float[] row(int head, boolean value) {
        float[] r = new float[Head.values().length];
        r[head] = value ? 1f : 0f;
        return r;
    }

    private static float[] flat(List<float[]> rows) {
        int h = Head.values().length;
        float[] out = new float[rows.size() * h];
        for (int k = 0; k < rows.size(); k++) {
            System.arraycopy(rows.get(k), 0, out, k * h, h);
        }
        return out;
    }
}
