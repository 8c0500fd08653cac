package io.melograph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.HttpEventSink;
import io.melograph.events.ItemType;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for the listener scenes on loopback: {@code dailyClients} clients ask
 * {@code GET /users/{id}/daily} for random listeners, the other clients each play Private FM for a listener of their
 * own ({@code POST /users/{id}/fm/next}), back to back (closed loop) or with a think time between requests, and at the same time an event stream posts
 * PLAY / COMPLETE / SKIP events of random listeners on songs the scenes answered with, at a fixed rate, through
 * {@code POST /events}. Daily is computed once per listener and day: a listener's first Daily request in the run
 * is counted as cold (meaningful when the service's daily store is empty), the others as cached; an FM client's
 * first request (it starts the listener's session unless one is running) is counted apart too. Latencies before the
 * warm-up ends are not counted, except these first requests (there is one per listener or client).
 */
public final class SceneLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_NS = Duration.ofMinutes(2).toNanos();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final HttpEventSink events;

    public SceneLoad(String baseUrl, String token) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.events = new HttpEventSink(URI.create(base), token);
    }

    /** Latency and throughput of one kind of request. */
    public record Endpoint(String name, long requests, long failures, double seconds, double p50Ms, double p90Ms, double p99Ms,
                           double maxMs) {
        public String format() {
            return String.format(Locale.ROOT, "%-14s %,8d requests %8.1f/s  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %d failed",
                    name, requests, requests / seconds, p50Ms, p90Ms, p99Ms, maxMs, failures);
        }
    }

    /** What the event stream did: events acknowledged, batches that failed, and its ack latency. */
    public record Result(List<Endpoint> endpoints, Endpoint eventBatches, long events, double eventsPerSecond) {
        public String format() {
            StringBuilder sb = new StringBuilder();
            endpoints.forEach(e -> sb.append(e.format()).append('\n'));
            sb.append(eventBatches.format()).append('\n');
            sb.append(String.format(Locale.ROOT, "event stream: %,d events acknowledged = %,.0f events/s%n", events, eventsPerSecond));
            return sb.toString();
        }
    }

    private final class Timer {
        final String name;
        final Histogram histogram = new ConcurrentHistogram(MAX_NS, 3);
        final AtomicLong failures = new AtomicLong();

        Timer(String name) {
            this.name = name;
        }

        void record(long t0, boolean ok) {
            histogram.recordValue(Math.min(MAX_NS, System.nanoTime() - t0));
            if (!ok) {
                failures.incrementAndGet();
            }
        }

        Endpoint result(double seconds) {
            return new Endpoint(name, histogram.getTotalCount(), failures.get(), seconds, ms(50), ms(90), ms(99),
                    histogram.getMaxValue() / 1e6);
        }

        private double ms(double percentile) {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /**
     * @param listeners     the listeners to ask for (the demo community's); FM clients take the first ones, one each
     * @param dailyClients  how many of the clients ask for Daily lists (the rest play FM)
     */
    public Result run(List<String> listeners, int clients, int dailyClients, double seconds, double warmup, int eventsPerSecond,
                      double thinkMs, long seed) throws InterruptedException {
        if (clients - dailyClients > listeners.size()) {
            throw new IllegalArgumentException("more FM clients than listeners");
        }
        Timer cold = new Timer("daily (cold)");
        Timer cached = new Timer("daily (cached)");
        Timer fmStart = new Timer("fm (start)");
        Timer fm = new Timer("fm/next");
        Timer batches = new Timer("events batch");
        Set<String> dailyAsked = ConcurrentHashMap.newKeySet();
        List<String> songs = new CopyOnWriteArrayList<>();
        Set<String> songSet = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        SplittableRandom master = new SplittableRandom(seed);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            boolean daily = c < dailyClients;
            String own = daily ? null : listeners.get(c - dailyClients);
            SplittableRandom rng = master.split();
            threads.add(new Thread(() -> {
                boolean firstFm = true;
                long n = 0;
                while (System.nanoTime() < end) {
                    String user = daily ? listeners.get(rng.nextInt(listeners.size())) : own;
                    boolean first = daily ? dailyAsked.add(user) : firstFm;
                    firstFm = false;
                    HttpRequest request = daily
                            ? request("/users/" + enc(user) + "/daily").GET().build()
                            : request("/users/" + enc(user) + "/fm/next").POST(HttpRequest.BodyPublishers.noBody()).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = send(request);
                    boolean ok = response != null && response.statusCode() == 200;
                    Timer timer = daily ? (first ? cold : cached) : first ? fmStart : fm;
                    if (first || t0 >= measureFrom) {
                        timer.record(t0, ok);
                    }
                    if (ok && (songSet.size() < 1_000 || n++ % 50 == 0)) { // parsing every answer would load the client
                        collectSongs(response.body(), songs, songSet);
                    }
                    if (thinkMs > 0) {
                        pause((long) (thinkMs * (0.5 + rng.nextDouble())));
                    }
                }
            }));
        }
        AtomicLong sent = new AtomicLong();
        threads.add(new Thread(() -> stream(listeners, songs, eventsPerSecond, start, measureFrom, end, sent, batches, master.split())));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<Endpoint> endpoints = List.of(cold.result(seconds + warmup), cached.result(seconds), fmStart.result(seconds + warmup),
                fm.result(seconds));
        return new Result(endpoints, batches.result(seconds), sent.get(), sent.get() / (seconds + warmup));
    }

    /** Posts events at {@code rate} per second in batches of what is due (at most 1,000), holding the rate. */
    private void stream(List<String> listeners, List<String> songs, int rate, long start, long measureFrom, long end, AtomicLong sent,
                        Timer batches, SplittableRandom rng) {
        long n = 0;
        while (System.nanoTime() < end && rate > 0) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate) - n;
            if (due <= 0 || songs.isEmpty()) {
                sleep();
                continue;
            }
            int size = (int) Math.min(due, 1_000);
            List<Event> batch = new ArrayList<>(size);
            long now = System.currentTimeMillis();
            for (int i = 0; i < size; i++) {
                String user = listeners.get(rng.nextInt(listeners.size()));
                String song = songs.get(rng.nextInt(songs.size()));
                Action action = i % 2 == 0 ? Action.PLAY : rng.nextDouble() < 0.35 ? Action.SKIP : Action.COMPLETE;
                long pos = action == Action.PLAY ? 0 : action == Action.SKIP ? 20_000 : 200_000;
                batch.add(new Event("scene-load-" + start + "-" + (n + i), user, song, ItemType.SONG, action, pos, pos, "bench", now));
            }
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = events.send(batch).accepted() == size;
            } catch (Exception e) {
                ok = false;
            }
            if (t0 >= measureFrom) {
                batches.record(t0, ok);
            }
            if (ok) {
                sent.addAndGet(size);
            }
            n += size;
        }
    }

    private static void sleep() {
        pause(5);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Song ids of a Daily list ({@code items[].id}) or an FM answer ({@code item.id}), for the event stream. */
    private static void collectSongs(String body, List<String> songs, Set<String> seen) {
        if (seen.size() > 5_000) {
            return;
        }
        try {
            JsonNode answer = JSON.readTree(body);
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            if (answer.hasNonNull("item")) {
                items.add(answer.get("item"));
            }
            for (JsonNode item : items) {
                String id = item.path("id").asText(null);
                if (id != null && seen.add(id)) {
                    songs.add(id);
                }
            }
        } catch (Exception e) {
            // not a scene answer: nothing to collect
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
