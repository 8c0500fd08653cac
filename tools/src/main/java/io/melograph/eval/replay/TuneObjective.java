package io.melograph.eval.replay;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What {@code tune scenes} maximises on the validation window: a replay metric, its short label and what it rewards. */
public enum TuneObjective {
    PLAYS("ndcg@10", "NDCG@10", "NDCG@10 of held-out plays"),
    /** A song skipped after the cut is not relevant, so values that push skipped songs up gain nothing from them. */
    COMPLETES("complete.ndcg@10", "complete NDCG@10", "NDCG@10 of held-out completes"),
    LIKES("like.ndcg@10", "like NDCG@10", "NDCG@10 of held-out likes"),
    /** A skipped song in the top 10 costs what a complete there would have gained: values that serve skips lose. */
    NET("net.ndcg@10", "net NDCG@10", "NDCG@10 of held-out completes with each skipped song counted −1");

    /** The replay metric's key ({@link ReplayScoring}), as given to {@code --objective}. */
    public final String metric;
    /** Short, for a summary line: "complete NDCG@10". */
    public final String label;
    /** In words, for reports. */
    public final String words;

    TuneObjective(String metric, String label, String words) {
        this.metric = metric;
        this.label = label;
        this.words = words;
    }

    /** The objective whose metric is {@code metric}; an unknown one names the choices. */
    public static TuneObjective of(String metric) {
        return Arrays.stream(values()).filter(o -> o.metric.equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("objective: one of " + metrics() + ", not '" + metric + "'"));
    }

    /** Every metric, comma-separated. */
    private static String metrics() {
        return Arrays.stream(values()).map(o -> o.metric).collect(Collectors.joining(", "));
    }
}
