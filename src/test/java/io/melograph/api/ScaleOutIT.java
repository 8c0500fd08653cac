package io.melograph.api;

import io.melograph.TestGraph;
import io.melograph.TestKafka;
import io.melograph.graph.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service instances over one external Neo4j (the harness, through routing) and one Kafka topic (a broker in this
 * JVM): both answer, each sees the events the other took, every event is counted into the graph once, and killing the
 * instance that aggregates loses nothing — the other takes the aggregation over once its lease lapses.
 */
class ScaleOutIT {
    private static final String ADMIN = "it-admin";
    private static final String APP = "it-app";
    private static final Path JAR = Path.of(System.getProperty("melograph.jar", "target/melograph.jar"));
    private static final String SONG = "dbpedia:Love_Me_Do";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    /** One running instance: its process, its HTTP address, its log. */
    private record Instance(String name, Process process, String url, Path log) {}

    private Instance start(String name, String topic, boolean sample) throws Exception {
        int port = FreePort.find();
        Path log = home.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", JAR.toAbsolutePath().toString(), "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(Map.of("MELOGRAPH_HOME", home.resolve(name).toString(), "MELOGRAPH_PORT", Integer.toString(port),
                "NEO4J_URI", TestGraph.routingUri(), "NEO4J_USER", TestGraph.USER, "NEO4J_PASSWORD", TestGraph.PASSWORD,
                "MELOGRAPH_KAFKA_BOOTSTRAP", TestKafka.bootstrap(), "MELOGRAPH_KAFKA_TOPIC", topic,
                "MELOGRAPH_ADMIN_TOKEN", ADMIN, "MELOGRAPH_EVENTS_TOKEN", APP));
        env.put("MELOGRAPH_SAMPLE", Boolean.toString(sample)); // the first instance brings the catalog, the second finds it
        env.put("MELOGRAPH_SCENES_DAILY_PRECOMPUTE", "false"); // two services share two cores here
        Instance instance = new Instance(name, pb.start(), "http://127.0.0.1:" + port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(420); // /health is 200 once recall is warm
        while (System.nanoTime() < deadline) {
            assertTrue(instance.process().isAlive(), () -> name + " died:\n" + read(log));
            try {
                if (get(instance, "/health").statusCode() == 200) {
                    return instance;
                }
            } catch (IOException e) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not come up:\n" + read(log));
    }

    @Test
    void twoInstancesShareTheLogAndTheGraphAndSurviveTheKillOfTheOneThatAggregates() throws Exception {
        TestGraph.clear();
        String topic = "it-scale-" + System.nanoTime();
        long now = System.currentTimeMillis();
        Instance a = start("a", topic, true);
        Instance b = start("b", topic, false);
        try {
            assertEquals(100, accepted(post(a, events("a-", 0, 100, now))));
            assertEquals(100, accepted(post(b, events("b-", 0, 100, now + 100_000))));
            // each instance answers, and knows what the other one took: the log is shared
            for (Instance i : List.of(a, b)) {
                assertTrue(get(i, "/users/listener-1/activity").body().contains("\"events\":20"),
                        i.name() + ": " + get(i, "/users/listener-1/activity").body());
                HttpResponse<String> daily = get(i, "/users/listener-1/daily");
                assertEquals(200, daily.statusCode(), i.name() + ": " + daily.body());
                assertTrue(daily.body().contains("\"items\":[{"), daily.body());
            }
            awaitPlays(200);
            boolean aAggregates = aggregating(a);
            // an instance learns that it lost the lease when it next tries to renew it: a few seconds at most
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); aAggregates == aggregating(b) && System.nanoTime() < until; ) {
                Thread.sleep(250);
                aAggregates = aggregating(a);
            }
            assertTrue(aAggregates ^ aggregating(b), "exactly one instance aggregates");
            Instance killed = aAggregates ? a : b;
            Instance survivor = aAggregates ? b : a;

            killed.process().destroyForcibly();
            assertTrue(killed.process().waitFor(10, TimeUnit.SECONDS));
            assertEquals(100, accepted(post(survivor, events("after-", 0, 100, now + 200_000))));
            awaitPlays(300); // once the killed instance's lease has lapsed, the survivor counts from the cursor
            assertTrue(aggregating(survivor), "the survivor took the aggregation over");
            // nothing acknowledged was lost, nothing is counted twice
            String again = events("a-", 0, 100, now);
            assertEquals(100, number(post(survivor, again).body(), "duplicates"), "the killed instance's events are in the log");
            Thread.sleep(2_000);
            assertEquals(300, plays(), "each event counted once");
        } finally {
            for (Instance i : List.of(a, b)) {
                i.process().destroyForcibly();
                i.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code count} plays of the sample's song by ten listeners, ids {@code prefix}0, {@code prefix}1, ... */
    private static String events(String prefix, int from, int count, long ts) {
        StringBuilder sb = new StringBuilder("[");
        for (int n = from; n < from + count; n++) {
            sb.append(n == from ? "" : ",").append("{\"eventId\":\"").append(prefix).append(n).append("\",\"userId\":\"listener-")
                    .append(n % 10).append("\",\"itemId\":\"").append(SONG).append("\",\"itemType\":\"song\",\"action\":\"play\",\"scene\":\"fm\",\"ts\":")
                    .append(ts + n * 1_000L).append('}');
        }
        return sb.append(']').toString();
    }

    /** Events a 202 answer says were taken (not duplicates). */
    private static long accepted(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        return number(response.body(), "accepted");
    }

    private boolean aggregating(Instance i) throws Exception {
        String stats = get(i, "/admin/stats").body();
        Matcher m = Pattern.compile("\"aggregating\":(true|false)").matcher(stats);
        assertTrue(m.find(), stats);
        return Boolean.parseBoolean(m.group(1));
    }

    private static long plays() {
        try (Session s = TestGraph.connection().session()) {
            return s.run("MATCH (:User)-[l:LISTENED]->(:Song {id: $song}) RETURN coalesce(sum(l.plays), 0) AS n", Map.of("song", SONG))
                    .single().get("n").asLong();
        }
    }

    private static void awaitPlays(long expected) throws InterruptedException {
        long seen = 0;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); System.nanoTime() < until; Thread.sleep(250)) {
            seen = plays();
            if (seen >= expected) {
                return;
            }
        }
        throw new AssertionError(seen + " plays in the graph, " + expected + " expected");
    }

    private HttpResponse<String> get(Instance i, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(i.url() + path)).header("Authorization", "Bearer " + ADMIN)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Instance i, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(i.url() + "/events")).header("Authorization", "Bearer " + APP)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
