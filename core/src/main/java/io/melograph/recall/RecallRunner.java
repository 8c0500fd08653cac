package io.melograph.recall;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs several channels at once, each within the budget; a channel that fails or runs out of time is left out and
 * reported as such ({@code "ok"} or {@code "stored"}, {@code "timeout"}, {@code "error: ..."}), never failing the whole request. Every
 * answer is counted in {@link ChannelMeters}.
 */
public final class RecallRunner implements AutoCloseable {
    /** What the channels answered. */
    public record Result(Map<String, String> status, Map<String, List<Candidate>> candidates, Map<String, Long> millis) {}

    private final ExecutorService pool;
    private final ChannelTimeouts timeouts = new ChannelTimeouts();
    private final ChannelMeters meters;

    public RecallRunner(int threads, MeterRegistry registry) {
        this.meters = new ChannelMeters(registry);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recall");
            t.setDaemon(true);
            return t;
        });
    }

    public Result run(List<RecallChannel> channels, ListenerContext context, int limit, Duration budget) {
        return run(channels, context, limit, name -> budget);
    }

    /** Runs the channels in parallel, each within its own budget. */
    public Result run(List<RecallChannel> channels, ListenerContext context, int limit, Function<String, Duration> budgets) {
        Map<String, CompletableFuture<List<Candidate>>> futures = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, String> answered = new LinkedHashMap<>();
        channels.forEach(c -> answered.put(c.name(), c.answered()));
        long started = System.nanoTime();
        for (RecallChannel c : channels) {
            futures.put(c.name(), CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                try {
                    return c.recall(context, limit, budgets.apply(c.name()));
                } finally {
                    long took = System.nanoTime() - t0;
                    meters.took(c.name(), took);
                    synchronized (millis) {
                        millis.put(c.name(), took / 1_000_000);
                    }
                }
            }, pool));
        }
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<List<Candidate>>> e : futures.entrySet()) {
            long deadline = started + budgets.apply(e.getKey()).toNanos() + TimeUnit.MILLISECONDS.toNanos(20); // queueing slack
            try {
                out.put(e.getKey(), e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                status.put(e.getKey(), answered.get(e.getKey()));
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
        status.forEach((channel, s) -> {
            timeouts.record(s.equals("timeout"));
            meters.answered(channel, s, out.getOrDefault(channel, List.of()).isEmpty());
        });
        synchronized (millis) {
            return new Result(status, out, new LinkedHashMap<>(millis));
        }
    }

    /** The latest channel answers (of every run) that ran out of time. */
    ChannelTimeouts timeouts() {
        return timeouts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
