package io.melograph.rank;

import io.melograph.metric.Auc;
import io.melograph.metric.LogLoss;

/**
 * How well one head predicts live traffic: log loss and AUC over its latest {@code window} examples, each scored with
 * the prediction made <em>before</em> learning it (progressive validation: every example is a test example first).
 */
public final class RunningQuality {
    /** The latest window's log loss and AUC (NaN while it holds no example, AUC also while it has one class only). */
    public record Snapshot(int examples, double logLoss, double auc) {}

    private final double[] predictions;
    private final boolean[] labels;
    private int next;
    private int size;

    public RunningQuality(int window) {
        predictions = new double[window];
        labels = new boolean[window];
    }

    public synchronized void record(double prediction, boolean label) {
        predictions[next] = prediction;
        labels[next] = label;
        next = (next + 1) % predictions.length;
        size = Math.min(size + 1, predictions.length);
    }

    private record Window(double[] predictions, boolean[] labels) {}

    private synchronized Window window() {
        return new Window(java.util.Arrays.copyOf(predictions, size), java.util.Arrays.copyOf(labels, size));
    }

    public Snapshot snapshot() {
        Window w = window();
        return new Snapshot(w.predictions().length, LogLoss.of(w.predictions(), w.labels()), Auc.of(w.predictions(), w.labels()));
    }

    /** Only the log loss (a scrape reads the two metrics separately: neither pays for the other). */
    public double logLoss() {
        Window w = window();
        return LogLoss.of(w.predictions(), w.labels());
    }

    public double auc() {
        Window w = window();
        return Auc.of(w.predictions(), w.labels());
    }
}
