package io.melograph.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Load generator for {@code GET /songs/{id}/similar} (or a listener's {@code GET /users/{id}/recall}) of a running
 * service on loopback: one client, requests back to back over a seeded sample of songs or listeners (each asked
 * several times, so the numbers are the service's, not one query plan's first run), after a warm-up round. Reports latency percentiles and how many channel answers came from the
 * neighbour store ({@code "stored"}) or the graph.
 */
public final class SimilarLoad {
    private static final long MAX_NS = Duration.ofSeconds(30).toNanos();

    public record Result(long requests, long failures, double p50Ms, double p90Ms, double p99Ms, double maxMs, long storedAnswers,
                         long graphAnswers) {
        public String format() {
            return String.format(Locale.ROOT, "%,d requests (%d failed): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                    + "channel answers from the neighbour store %,d, from the graph %,d", requests, failures, p50Ms, p90Ms, p99Ms,
                    maxMs, storedAnswers, graphAnswers);
        }
    }

    private SimilarLoad() {}

    /** Similar songs of these songs. */
    public static Result run(String baseUrl, List<String> songs, int requests, int limit, long seed) throws IOException, InterruptedException {
        return run(baseUrl, "/songs/%s/similar", null, songs, requests, limit, seed);
    }

    /**
     * @param path  the request's path with {@code %s} for the id: {@code /songs/%s/similar}, {@code /users/%s/recall}
     * @param token a bearer token to send, or null
     */
    public static Result run(String baseUrl, String path, String token, List<String> songs, int requests, int limit, long seed)
            throws IOException, InterruptedException {
        String base = baseUrl.replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> order = new ArrayList<>(songs);
        Collections.shuffle(order, new Random(seed));
        for (String song : order.subList(0, Math.min(order.size(), 200))) { // warm-up: JIT, connections, query plans
            ask(http, base, path, token, song, limit);
        }
        Histogram h = new Histogram(MAX_NS, 3);
        long failures = 0;
        long stored = 0;
        long graph = 0;
        for (int i = 0; i < requests; i++) {
            String song = order.get(i % order.size());
            long t0 = System.nanoTime();
            HttpResponse<String> r = ask(http, base, path, token, song, limit);
            h.recordValue(Math.min(MAX_NS, System.nanoTime() - t0));
            if (r.statusCode() != 200) {
                failures++;
                continue;
            }
            stored += count(r.body(), "\"stored\"");
            graph += count(r.body(), "\"ok\"") + count(r.body(), "\"empty\"") + count(r.body(), "\"timeout\"");
        }
        return new Result(requests, failures, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, stored, graph);
    }

    private static HttpResponse<String> ask(HttpClient http, String base, String path, String token, String id, int limit)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + String.format(path, URLEncoder.encode(id, StandardCharsets.UTF_8))
                + "?limit=" + limit)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String text, String word) {
        long n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
