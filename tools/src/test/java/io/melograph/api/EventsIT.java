package io.melograph.api;

import io.melograph.TestKafka;
import io.melograph.graph.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event intake through the packaged service: validation, fuzzing, live activity, and a kill -9 in mid-stream. */
class EventsIT {
    private static final String ADMIN = "it-admin";
    private static final String APP = "it-app";
    private static final Path JAR = Path.of(System.getProperty("melograph.jar", "tools/target/melograph.jar"));
    private static final String SONG = "dbpedia:Love_Me_Do";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    private int port;
    private int bolt;
    /** Environment of every start beyond the defaults (the Kafka test's broker and topic). */
    private final Map<String, String> extraEnv = new HashMap<>();

    private Process start() throws Exception {
        if (port == 0) {
            port = FreePort.find();
            bolt = FreePort.find();
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.java(), "-Xmx1g",
                "-jar", JAR.toAbsolutePath().toString(), "serve").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("serve.log").toFile()));
        pb.environment().remove("NEO4J_URI");
        pb.environment().putAll(Map.of("MELOGRAPH_HOME", home.resolve("data").toString(), "MELOGRAPH_PORT", Integer.toString(port),
                "NEO4J_BOLT_PORT", Integer.toString(bolt), "NEO4J_HTTP_PORT", "0", "MELOGRAPH_ADMIN_TOKEN", ADMIN,
                "MELOGRAPH_EVENTS_TOKEN", APP, "MELOGRAPH_EVENTS_MAX_BODY", "200000",
                "MELOGRAPH_DEMO_LISTENERS", "0")); // this test counts its own events only
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(420); // /health is 200 once recall is ready (warm)
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return p;
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no start:\n" + Files.readString(home.resolve("serve.log")));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + ADMIN)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body.getBytes(StandardCharsets.UTF_8), APP);
    }

    private HttpResponse<String> post(byte[] body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String id, String user, String action, long ts) {
        return "{\"eventId\":\"" + id + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + SONG + "\",\"itemType\":\"song\",\"action\":\""
                + action + "\",\"scene\":\"fm\",\"ts\":" + ts + "}";
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void validationFuzzingActivityAndAKillNineLoseNothing() throws Exception {
        long now = System.currentTimeMillis();
        Process p = start();
        try {
            // the next request sees an event at once
            assertEquals(202, post(event("first-play", "listener-1", "play", now)).statusCode());
            String activity = get("/users/listener-1/activity").body();
            assertTrue(activity.contains("\"title\":\"Love Me Do\"") && activity.contains("\"action\":\"play\""), activity);
            assertEquals(202, post(event("first-skip", "listener-1", "skip", now + 1000)).statusCode());
            assertTrue(get("/users/listener-1/activity").body().contains("\"skips\":1"));
            // an impression is journaled but is no listening: the graph gets no LISTENED edge from it
            assertEquals(202, post(event("first-impression", "viewer-1", "impression", now)).statusCode());

            // bad input: 4xx, every problem named, nothing recorded
            long before = number(get("/admin/stats").body(), "journaled");
            HttpResponse<String> batch = post("[" + event("ok-1", "u", "play", now) + ",{\"eventId\":\"x\"},"
                    + event("ok-2", "u", "dance", now) + "]");
            assertEquals(400, batch.statusCode());
            assertTrue(batch.body().contains("\"index\":1") && batch.body().contains("\"index\":2")
                    && batch.body().contains("unknown action 'dance'"), batch.body());
            assertEquals(400, post("{\"eventId\": ").statusCode());
            assertEquals(401, post(event("no-token", "u", "play", now).getBytes(StandardCharsets.UTF_8), null).statusCode());
            assertEquals(413, post(("[" + String.join(",", java.util.Collections.nCopies(1001, event("same", "u", "play", now))) + "]")
                    .getBytes(StandardCharsets.UTF_8), APP).statusCode());
            assertEquals(413, post(new byte[300_000], APP).statusCode());
            SplittableRandom rnd = new SplittableRandom(11);
            for (int i = 0; i < 300; i++) {
                HttpResponse<String> r = post(fuzz(rnd, now), APP);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "fuzz #" + i + " gave " + r.statusCode() + ": " + r.body());
            }
            assertEquals(before, number(get("/admin/stats").body(), "journaled"), "rejected requests change nothing");
            assertEquals(0, number(post(event("first-play", "listener-1", "play", now)).body(), "accepted"), "a duplicate");
            p = killInMidStreamLosesNothing(p, now, 1);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }

        // damage in the middle of the journal stops the start with the repair hint
        Path segment;
        try (Stream<Path> files = Files.list(home.resolve("data/journal"))) {
            segment = files.filter(f -> f.toString().endsWith(".journal")).sorted().findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 200);
        }
        Process broken = start();
        assertTrue(broken.waitFor(60, TimeUnit.SECONDS), "start-up stops");
        assertNotEquals(0, broken.exitValue());
        assertTrue(Files.readString(home.resolve("serve.log")).contains("melograph journal repair"));
    }

    /** The same kill -9 with the events journaled in a Kafka topic (a real broker in this JVM): nothing acknowledged is lost. */
    @Test
    void aKillNineWithTheEventsInKafkaLosesNothing() throws Exception {
        extraEnv.put("MELOGRAPH_KAFKA_BOOTSTRAP", TestKafka.bootstrap());
        extraEnv.put("MELOGRAPH_KAFKA_TOPIC", "it-kill-" + System.nanoTime());
        extraEnv.put("MELOGRAPH_SAMPLE", "true"); // the sample catalog, asked for (with Kafka it is not the default)
        long now = System.currentTimeMillis();
        Process p = start();
        try {
            p = killInMidStreamLosesNothing(p, now, 0);
            assertFalse(Files.exists(home.resolve("data/journal")), "journaled in the topic, not in a file");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A client streams events; the service is killed in mid-stream and started again: every acknowledged event is
     * there (sent again, each is a duplicate), none is doubled, and the graph counts each once.
     *
     * @param notListening events journaled before that make no LISTENED count (impressions)
     * @return the restarted service
     */
    private Process killInMidStreamLosesNothing(Process p, long now, int notListening) throws Exception {
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread client = new Thread(() -> {
            int n = 0;
            while (!stop.get()) {
                List<String> ids = new ArrayList<>();
                StringBuilder sb = new StringBuilder("[");
                for (int k = 0; k < 50; k++, n++) {
                    String id = "stream-" + n;
                    ids.add(id);
                    sb.append(k == 0 ? "" : ",").append(event(id, "streamer-" + (n % 20), n % 3 == 0 ? "skip" : "play", now + n));
                }
                try {
                    if (post(sb.append("]").toString()).statusCode() == 202) {
                        acked.addAll(ids);
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the service is gone
                }
            }
        });
        client.start();
        // kill once the stream is well under way (a busy CI machine acknowledges more slowly)
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); acked.size() < 1_000 && System.nanoTime() < until; ) {
            Thread.sleep(50);
        }
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        client.join(10_000);
        assertTrue(acked.size() >= 500, "the client got acknowledgements before the kill: " + acked.size());

        p = start();
        // every acknowledged event is there: sent again, each one is a duplicate
        List<String> ids = new ArrayList<>(acked);
        long accepted = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            StringBuilder sb = new StringBuilder("[");
            for (int k = from; k < Math.min(ids.size(), from + 500); k++) {
                int n = Integer.parseInt(ids.get(k).substring("stream-".length()));
                sb.append(k == from ? "" : ",").append(event(ids.get(k), "streamer-" + (n % 20), n % 3 == 0 ? "skip" : "play", now + n));
            }
            accepted += number(post(sb.append("]").toString()).body(), "accepted");
        }
        assertEquals(0, accepted, "no acknowledged event was lost");
        // and none was doubled: the journal holds each event once, and the graph counts each once
        String stats = waitForAggregation();
        long journaled = number(stats, "journaled");
        assertTrue(journaled >= acked.size() + notListening, "journaled " + journaled + " acked " + acked.size());
        assertEquals(journaled, number(stats, "aggregated"), "each journaled event folded into the graph exactly once");
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, io.melograph.graph.EmbeddedPassword.auth(home.resolve("data")));
             Session s = driver.session()) {
            org.neo4j.driver.Record r = s.run("MATCH (:User)-[l:LISTENED]->(:Song {id: $song}) RETURN sum(l.plays) AS plays, "
                    + "sum(l.skips) AS skips", Map.of("song", SONG)).single();
            assertEquals(journaled - notListening, r.get("plays").asLong() + r.get("skips").asLong(),
                    "plays + skips in the graph = events journaled but the impressions");
            assertEquals(0, s.run("MATCH (:User {id: 'viewer-1'})-[l:LISTENED]->() RETURN count(l) AS n").single().get("n").asLong(),
                    "an impression makes no LISTENED edge");
        }
        return p;
    }

    /** Waits until aggregation has nothing pending; returns /admin/stats. */
    private String waitForAggregation() throws Exception {
        for (int i = 0; i < 600; i++) { // up to two minutes: aggregation shares two cores with the start-up's background work
            String stats = get("/admin/stats").body();
            if (number(stats, "pending") == 0 && number(stats, "aggregated") == number(stats, "journaled")) {
                return stats;
            }
            Thread.sleep(200);
        }
        return get("/admin/stats").body();
    }

    /** Random bytes, broken JSON, wrong types, wrong shapes. */
    private static byte[] fuzz(SplittableRandom rnd, long now) {
        switch (rnd.nextInt(6)) {
            case 0 -> {
                byte[] b = new byte[1 + rnd.nextInt(300)];
                rnd.nextBytes(b);
                return b;
            }
            case 1 -> {
                String valid = event("fz-" + rnd.nextInt(), "u", "play", now);
                return valid.substring(0, rnd.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                String[] values = {"null", "true", "-1", "1e400", "\"\"", "[]", "{}", "\"" + "x".repeat(300) + "\"", "12.5", "\"\\u0000\""};
                String[] fields = {"eventId", "userId", "itemId", "itemType", "action", "positionMs", "durationMs", "scene", "ts"};
                StringBuilder sb = new StringBuilder("{");
                for (int k = 0; k < fields.length; k++) {
                    sb.append(k == 0 ? "" : ",").append('"').append(fields[k]).append("\":").append(values[rnd.nextInt(values.length)]);
                }
                return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                return ("[" + "1,".repeat(rnd.nextInt(5)) + "\"a\"]").getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                return ("{\"eventId\":\"f" + rnd.nextInt() + "\",\"userId\":\"u\",\"itemId\":\"s\",\"itemType\":\"song\",\"action\":\"play\",\"ts\":"
                        + (rnd.nextBoolean() ? "-5" : "99999999999999") + "}").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
