package io.melograph.train.interest;

import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.InterestModel;
import io.melograph.train.Hyperparameters;
import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A listener-interest model as the evaluation harness sees it: trained on each listener's training sequence, then
 * scoring every song by its best match with the interests computed from the latest songs of that sequence.
 */
public final class InterestScorer implements Scorer {
    private final InterestModel.Kind kind;
    private final boolean graph;
    private InterestTrainer.Settings settings;
    private InterestTrainer.Trained trained;
    private InteractionMatrix train;

    public InterestScorer(InterestModel.Kind kind, boolean graph) {
        this.kind = kind;
        this.graph = graph;
        this.settings = InterestTrainer.Settings.defaults(kind, graph);
    }

    /** Longer training and a faster rate against the defaults, chosen on the validation split only. */
    @Override
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int epochs : new int[] {10, 30}) {
            for (double lr : new double[] {0.005, 0.02}) {
                grid.add(Map.of("epochs", epochs, "lr", lr));
            }
        }
        return grid;
    }

    /** Keys {@code dim}, {@code epochs}, {@code lr}; missing keys take the defaults. */
    @Override
    public void configure(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!List.of("dim", "epochs", "lr").contains(key)) {
                throw new IllegalArgumentException("unknown interest-model hyperparameter: " + key);
            }
        }
        InterestTrainer.Settings d = InterestTrainer.Settings.defaults(kind, graph);
        settings = new InterestTrainer.Settings(kind, graph, Hyperparameters.number(params, "dim", d.dim()).intValue(),
                d.window(), d.maxInterests(), Hyperparameters.number(params, "epochs", d.epochs()).intValue(),
                Hyperparameters.number(params, "lr", d.learningRate()).doubleValue(), d.batch(), d.negatives(),
                d.idDropout(), d.labelPower(), d.neighbours(), d.targetsPerUser());
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples triples, long seed) {
        this.train = train;
        int[][] sequences = new int[train.users()][];
        for (int u = 0; u < sequences.length; u++) {
            sequences[u] = train.sequenceOf(u);
        }
        SongNeighbourhood neighbourhood = graph && triples != null
                ? SongNeighbourhood.of(triples, train.items(), settings.neighbours())
                : SongNeighbourhood.none(train.items());
        trained = new InterestTrainer(settings).train(sequences, train.items(), neighbourhood, seed);
    }

    @Override
    public void scoreItems(int user, float[] out) {
        InterestModel model = trained.model();
        model.score(model.interests(InterestTrainer.collapseRepeats(train.sequenceOf(user))), out);
    }

    public InterestTrainer.Trained trained() {
        return trained;
    }

    @Override
    public String note() {
        if (trained == null) {
            return "";
        }
        String attention = trained.relationAttention().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format("%d steps in %.1f s, last batch loss %.3f%s", trained.steps(), trained.millis() / 1000.0,
                trained.lastLoss(), attention.isEmpty() ? "" : "; attention by relation: " + attention);
    }

    @Override
    public void close() {
        trained = null;
        train = null;
    }
}
