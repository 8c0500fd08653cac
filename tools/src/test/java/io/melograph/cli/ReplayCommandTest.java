package io.melograph.cli;

import io.melograph.TestGraph;
import io.melograph.TestKafka;
import io.melograph.app.TunedScenes;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.KafkaJournal;
import io.melograph.scene.SceneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end as an editor and an analyst would go: the bundled sample catalog, real-format listening exports
 * (core/src/test/resources/listens) imported with {@code import listens}, then {@code eval replay} on a cut in the middle
 * of them and {@code tune scenes} on the windows around it, which writes the settings the service reads at start;
 * the replay again from a Kafka topic holding the same events, as a deployment that journals there would run it;
 * then graph embeddings trained, judged by the replay, promoted and rolled back as registry versions.
 */
class ReplayCommandTest {
    private static final Path FIXTURE = Path.of("core/src/test/resources/listens");
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        TestGraph.withPlugins(); // train embeddings runs GDS on the catalog's graph
        cli = new CliRunner();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void replayAndTuneOnImportedListeningHistories() throws IOException {
        String home = dir.resolve("home").toString();
        assertEquals(0, cli.run("import", "rdf", "import/sample/dbpedia-music/music.ttl.gz"), cli.stderr());
        assertEquals(0, importListens("listenbrainz", "listenbrainz_"), cli.stderr());
        assertEquals(0, importListens("spotify-history", "Streaming_History_Audio_"), cli.stderr());
        assertEquals(0, importListens("lastfm-1k", "userid-timestamp"), cli.stderr());

        Path out = dir.resolve("replay");
        assertEquals(0, cli.run("eval", "replay", "--home", home, "--cut", "2024-02-22T00:00:00Z", "--listeners", "12",
                "--fm-songs", "15", "--out", out.toString()), cli.stderr());
        String md = Files.readString(out.resolve("replay.md"));
        for (String row : List.of("daily", "daily-discoveries", "fm", "similar")) {
            assertTrue(md.contains("| " + row + " |"), row + " in\n" + md);
        }
        assertTrue(md.contains("## Hits by channel"), md);
        assertTrue(Files.exists(out.resolve("replay.json")) && Files.exists(out.resolve("replay-hits-by-channel-daily.png")));
        double daily = metric(cli.stdout(), "daily");
        assertTrue(daily > 0, "the imported listeners' Daily lists find some of what they played next:\n" + cli.stdout());
        replayFromKafka(Files.readString(out.resolve("replay.json")), daily);

        Path tuned = dir.resolve("tune");
        assertEquals(0, cli.run("tune", "scenes", "--home", home, "--cut", "2024-02-22T00:00:00Z", "--listeners", "12",
                "--rounds", "1", "--out", tuned.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("daily NDCG@10  validation: hand-set") && cli.stdout().contains("fm NDCG@10  validation: hand-set"),
                cli.stdout());
        String report = Files.readString(tuned.resolve("tune-scenes.md"));
        for (String row : List.of("| daily (hand-set) |", "| daily (tuned) |", "| fm (hand-set) |", "| fm (tuned) |",
                "## daily: chosen vs hand-set", "## fm: chosen vs hand-set")) {
            assertTrue(report.contains(row), row + " in\n" + report);
        }
        assertTrue(Files.exists(tuned.resolve("tune-search-fm.png")));
        Path file = TunedScenes.file(dir.resolve("home"));
        String written = Files.readString(file);
        assertTrue(written.contains("familiar-share") && written.matches("(?s).*\\n    fm:\\n      weights: .*"), written);
        // what the service will read at start: the tuned values over application.yml's
        SceneConfig service = ServiceConfig.scenes(dir.resolve("home"));
        SceneConfig handSet = ServiceConfig.handSetScenes();
        String chosenShare = Files.readString(file).replaceAll("(?s).*familiar-share: '([0-9.]+)'.*", "$1");
        assertEquals(Double.parseDouble(chosenShare), service.daily().familiarShare(), 1e-9);
        assertEquals(0.3, handSet.daily().familiarShare(), 1e-9);

        embeddingVersions(home);
    }

    /**
     * Graph embeddings as registry versions on the same home: the first is promoted; a retrain of the same recipe ties
     * with it on the replay and is promoted (fresher data); a weaker recipe is kept, not promoted; promoting it by hand
     * and rolling back puts each version's vectors on the nodes.
     */
    private void embeddingVersions(String home) {
        // the harness's vector indexes have 16 dimensions; the versions leave them so for the tests after this one
        String[] judged = {"--home", home, "--to", "2024-02-22T00:00:00Z", "--listeners", "12", "--quality", "0", "--dimensions", "16"};
        assertEquals(0, cli.run(concat(new String[] {"train", "embeddings"}, judged)), cli.stderr());
        assertTrue(cli.stdout().contains("first version of the embeddings") && cli.stdout().contains("promoted: "), cli.stdout());
        String v1 = version(cli.stdout());

        assertEquals(0, cli.run(concat(new String[] {"train", "embeddings"}, judged)), cli.stderr());
        assertTrue(cli.stdout().contains("promoted: replay NDCG@10"), "the same recipe ties and wins on fresher data:\n" + cli.stdout());
        String v2 = version(cli.stdout());

        String[] weaker = concat(judged, new String[] {"--relationships", "catalog"});
        weaker[java.util.Arrays.asList(weaker).indexOf("16")] = "4";
        assertEquals(0, cli.run(concat(new String[] {"train", "embeddings"}, weaker)), cli.stderr());
        assertTrue(cli.stdout().contains("not promoted: replay NDCG@10") && cli.stdout().contains("kept, not promoted"), cli.stdout());
        String v3 = version(cli.stdout());

        assertEquals(0, cli.run("models", "list", "--home", home, "embeddings"), cli.stderr());
        assertTrue(cli.stdout().contains("* " + v2) && cli.stdout().contains("  " + v1) && cli.stdout().contains("  " + v3), cli.stdout());
        assertEquals(0, cli.run("models", "promote", "--home", home, "embeddings", v3), cli.stderr());
        assertTrue(cli.stdout().contains("(4 dimensions) on the nodes"), cli.stdout());
        assertEquals(0, cli.run("models", "rollback", "--home", home, "embeddings"), cli.stderr());
        assertTrue(cli.stdout().contains("(16 dimensions) on the nodes") && cli.stdout().contains("embeddings " + v2 + " is current again"),
                cli.stdout());
    }

    /**
     * A deployment that journals into Kafka: the same events in a topic, named as the service names it, and a home with
     * no journal — the replay reads the topic, and scores exactly what it scored on the file journal.
     */
    private void replayFromKafka(String fromFile, double daily) throws IOException {
        List<Event> events = new ArrayList<>();
        FileJournal.readAll(dir.resolve("home").resolve("journal"), (e, after) -> events.add(e));
        KafkaJournal.Settings kafka = new KafkaJournal.Settings(TestKafka.bootstrap(), "replay-" + System.nanoTime(), 1);
        try (KafkaJournal journal = KafkaJournal.open(kafka)) {
            journal.append(events).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
        Path out = dir.resolve("replay-kafka");
        assertEquals(0, cli.runWithKafka(kafka.bootstrap(), kafka.topic(), "eval", "replay", "--home", dir.resolve("kafka-home").toString(),
                "--cut", "2024-02-22T00:00:00Z", "--listeners", "12", "--scenes", "daily", "--out", out.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("Events: the Kafka topic " + kafka.topic()), cli.stdout());
        assertEquals(sha256(fromFile), sha256(Files.readString(out.resolve("replay.json"))), "the same events split alike");
        assertEquals(daily, metric(cli.stdout(), "daily"), 1e-9);
    }

    private static String sha256(String json) {
        Matcher m = Pattern.compile("\"sha256\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static String version(String stdout) {
        Matcher m = Pattern.compile("(?m)^embeddings version (\\S+):").matcher(stdout);
        assertTrue(m.find(), stdout);
        return m.group(1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private int importListens(String format, String prefix) throws IOException {
        List<String> args = new ArrayList<>(List.of("import", "listens", "--home", dir.resolve("home").toString(), "--format", format));
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            files.filter(f -> Files.isRegularFile(f) && FIXTURE.relativize(f).toString().startsWith(prefix)).sorted()
                    .forEach(f -> args.add(f.toString()));
        }
        return cli.run(args.toArray(String[]::new));
    }

    /** NDCG@10 of a scene in the command's summary line. */
    private static double metric(String stdout, String scene) {
        Matcher m = Pattern.compile("(?m)^" + scene + "\\s+.*NDCG@10 ([0-9.]+)").matcher(stdout);
        assertTrue(m.find(), stdout);
        return Double.parseDouble(m.group(1));
    }
}
