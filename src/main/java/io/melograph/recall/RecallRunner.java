package io.melograph.recall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs several channels at once, each within the budget; a channel that fails or runs out of time is left out and
 * reported as such ({@code "ok"}, {@code "timeout"}, {@code "error: ..."}), never failing the whole request.
 */
public final class RecallRunner implements AutoCloseable {
    /** What the channels answered. */
    public record Result(Map<String, String> status, Map<String, List<Candidate>> candidates, Map<String, Long> millis) {}

    private final ExecutorService pool;

    public RecallRunner(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recall");
            t.setDaemon(true);
            return t;
        });
    }

    public Result run(List<RecallChannel> channels, ListenerContext context, int limit, Duration budget) {
        Map<String, CompletableFuture<List<Candidate>>> futures = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (RecallChannel c : channels) {
            futures.put(c.name(), CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                try {
                    return c.recall(context, limit, budget);
                } finally {
                    synchronized (millis) {
                        millis.put(c.name(), (System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }, pool));
        }
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        long deadline = started + budget.toNanos() + TimeUnit.MILLISECONDS.toNanos(20); // queueing slack
        for (Map.Entry<String, CompletableFuture<List<Candidate>>> e : futures.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                status.put(e.getKey(), "ok");
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                status.put(e.getKey(), "timeout");
            } catch (java.util.concurrent.ExecutionException ex) {
                status.put(e.getKey(), ex.getCause() instanceof RecallTimeoutException ? "timeout" : "error: " + ex.getCause().getMessage());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                status.put(e.getKey(), "timeout");
            }
        }
        synchronized (millis) {
            return new Result(status, out, new LinkedHashMap<>(millis));
        }
    }

    /**
     * One list from several channels: each channel's scores are scaled to its best (so channels are comparable), a
     * candidate found by several channels adds them up and keeps every reason, best first.
     */
    public static List<Merged> merge(Map<String, List<Candidate>> byChannel, int limit) {
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (List<Candidate> list : byChannel.values()) {
            double top = list.stream().mapToDouble(Candidate::score).max().orElse(1.0);
            for (Candidate c : list) {
                double s = top > 0 ? c.score() / top : 0;
                merged.computeIfAbsent(c.itemId(), k -> new Merged(c.itemId(), c.itemType(), c.name(), new ArrayList<>()))
                        .parts().add(new Merged.Part(c.channel(), s, c.reason(), c.path()));
            }
        }
        return merged.values().stream()
                .sorted(java.util.Comparator.comparingDouble(Merged::score).reversed().thenComparing(Merged::itemId))
                .limit(limit).toList();
    }

    /** A candidate with what each channel said about it. */
    public record Merged(String itemId, String itemType, String name, List<Part> parts) {
        public record Part(String channel, double score, String reason, List<String> path) {}

        public double score() {
            return parts.stream().mapToDouble(Part::score).sum();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
