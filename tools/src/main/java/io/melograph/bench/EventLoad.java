package io.melograph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator for POST /events on loopback. Closed loop ({@link #throughput}): N clients send batches back to back,
 * for the sustained intake rate. Open loop ({@link #latency}): requests leave on a fixed schedule whatever the answers,
 * and latency is measured from the scheduled send time, so a stall shows in the percentiles (no coordinated omission).
 */
public final class EventLoad {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String token;
    private final String runId = Long.toString(System.nanoTime(), 36);
    private final AtomicLong sequence = new AtomicLong();
    private final int listeners;
    private final String listenerPrefix;

    /**
     * @param listeners    how many distinct listeners the events come from
     * @param newListeners whether their ids are this run's alone (every listener new to the service) rather than the
     *                     same in every run
     */
    public EventLoad(String baseUrl, String token, int listeners, boolean newListeners) {
        if (listeners < 1) {
            throw new IllegalArgumentException("listeners must be at least 1, was " + listeners);
        }
        this.events = URI.create(baseUrl.replaceAll("/$", "") + "/events");
        this.token = token;
        this.listeners = listeners;
        this.listenerPrefix = newListeners ? "load-user-" + runId + "-" : "load-user-";
    }

    /** One result line of a run. */
    public record Result(String mode, long events, long requests, long failures, double seconds, double p50Ms, double p99Ms,
                         double maxMs) {
        public String format() {
            return String.format(Locale.ROOT, "%s: %,d events in %,d requests over %.1f s = %,.0f events/s; latency p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms; %d failed", mode, events, requests, seconds, events / seconds, p50Ms, p99Ms, maxMs, failures);
        }
    }

    private String body(int n) {
        StringBuilder sb = new StringBuilder(n == 1 ? "" : "[");
        for (int k = 0; k < n; k++) {
            long s = sequence.incrementAndGet();
            sb.append(k == 0 ? "" : ",").append("{\"eventId\":\"load-").append(runId).append('-').append(s)
                    .append("\",\"userId\":\"").append(listenerPrefix).append(s % listeners).append("\",\"itemId\":\"load-song-").append(s % 5000)
                    .append("\",\"itemType\":\"song\",\"action\":\"").append(s % 4 == 0 ? "skip" : "play")
                    .append("\",\"scene\":\"bench\",\"ts\":").append(System.currentTimeMillis()).append('}');
        }
        return sb.append(n == 1 ? "" : "]").toString();
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(events).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code clients} loops each sending batches of {@code batch} events for {@code seconds}. */
    public Result throughput(int clients, int batch, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest r = request(body(batch));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
                        if (resp.statusCode() != 202) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - started) / 1e9;
        return summarise("sustained, " + clients + " clients x batches of " + batch, latencies, (long) latencies.size() * batch,
                failures.get(), took);
    }

    /**
     * Single-event requests at {@code rate} per second for {@code seconds}, open loop: request i is due at start + i/rate; a
     * pool of blocking workers (each with a kept-alive connection) takes the next due request, and its latency counts from
     * when it was due, so time spent waiting for a free worker is included. The first {@code warmup} seconds (JIT, connection
     * set-up) are sent but not counted.
     */
    public Result latency(int rate, double seconds, double warmup) throws InterruptedException {
        if (warmup < 0) {
            throw new IllegalArgumentException("the warm-up must not be negative, was " + warmup + " s");
        }
        long skipped = (long) (rate * warmup);
        long total = skipped + (long) (rate * seconds);
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) (total - skipped)];
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 64; w++) {
            Thread t = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok;
                    try {
                        ok = http.send(request(body(1)), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (i >= skipped) {
                        latencies[(int) (i - skipped)] = System.nanoTime() - due;
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9 - warmup;
        Arrays.sort(latencies);
        return summarise("ack latency, single events at " + rate + "/s (open loop, after " + warmup + " s warm-up)", latencies,
                latencies.length, failures.get(), took);
    }

    private static Result summarise(String mode, ConcurrentLinkedQueue<Long> latencies, long events, long failures, double seconds) {
        return summarise(mode, latencies.stream().mapToLong(Long::longValue).sorted().toArray(), events, failures, seconds);
    }

    private static Result summarise(String mode, long[] sorted, long events, long failures, double seconds) {
        return new Result(mode, events, sorted.length, failures, seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

}
