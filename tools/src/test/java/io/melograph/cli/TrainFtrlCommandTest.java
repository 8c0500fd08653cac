package io.melograph.cli;

import io.melograph.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.melograph.events.Event;
import io.melograph.events.KafkaJournal;
import io.melograph.rank.FtrlVersions;
import io.melograph.rank.OnlineRanking;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimulatedJournals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code melograph train ftrl} makes registry versions judged on a held-out window, promoting only a better one, from
 * the home's journal or the service's Kafka topic; {@code melograph models} lists, promotes and rolls back.
 */
class TrainFtrlCommandTest {
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        cli = new CliRunner();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void aVersionTrainedOnAWorseWindowIsKeptButNotPromotedAndRollbackGoesBack() throws Exception {
        Path home = dir.resolve("home");
        List<Event> events = SimulatedJournals.write(home.resolve("journal"), 300, 5, 60, 10, 11);
        // nine days to learn from, the last one held out
        Instant to = Instant.ofEpochMilli(SimConfig.DEFAULT_START_MILLIS).plusSeconds(9 * 86_400);
        assertEquals(0, cli.run("train", "ftrl", "--home", home.toString(), "--hash-bits", "16", "--to", to.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("first version of the ranker") && cli.stdout().contains("promoted:"), cli.stdout());
        ModelRegistry registry = new ModelRegistry(home);
        ModelCard good = registry.list(FtrlVersions.KIND).get(0);
        assertEquals(good.version(), registry.current(FtrlVersions.KIND).orElseThrow());
        assertTrue(Files.size(registry.dir(FtrlVersions.KIND, good.version()).resolve(OnlineRanking.FILE)) > 0);
        assertEquals(to.toString(), good.windowTo());
        assertEquals(64, good.dataHash().length());
        assertTrue(good.metrics().get("auc.complete") > 0.6, good.metrics().toString());

        // the same held-out day, but only its last two hours to learn from: worse, so kept and not promoted
        assertEquals(0, cli.run("train", "ftrl", "--home", home.toString(), "--hash-bits", "16", "--to", to.toString(),
                "--from", to.minusSeconds(7200).toString()), cli.stderr());
        assertTrue(cli.stdout().contains("not promoted: mean AUC over the heads on the held-out window"), cli.stdout());
        ModelCard worse = registry.list(FtrlVersions.KIND).get(1);
        assertTrue(worse.metrics().get("auc.mean") < worse.metrics().get("current.auc.mean"), worse.metrics().toString());
        assertEquals(good.version(), registry.current(FtrlVersions.KIND).orElseThrow(), "the better one stays current");

        assertEquals(0, cli.run("models", "promote", "--home", home.toString(), "ftrl", worse.version()), cli.stderr());
        assertEquals(worse.version(), registry.current(FtrlVersions.KIND).orElseThrow());
        assertEquals(0, cli.run("models", "rollback", "--home", home.toString(), "ftrl"), cli.stderr());
        assertEquals(good.version(), registry.current(FtrlVersions.KIND).orElseThrow());
        assertEquals(2, cli.run("models", "rollback", "--home", home.toString(), "ftrl"), "nothing before the first");
        assertEquals(0, cli.run("models", "list", "--home", home.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("* " + good.version()) && cli.stdout().contains("  " + worse.version()), cli.stdout());
        assertEquals(2, cli.run("models", "promote", "--home", home.toString(), "ftrl", "no-such-version"));
        assertFalse(registry.history(FtrlVersions.KIND).isEmpty());
    }

    @Test
    void readsTheServicesKafkaTopicWhenItJournalsThere() throws Exception {
        List<Event> events = SimulatedJournals.write(dir.resolve("file-home").resolve("journal"), 300, 5, 60, 10, 11);
        KafkaJournal.Settings kafka = new KafkaJournal.Settings(TestKafka.bootstrap(), "train-ftrl-" + System.nanoTime(), 1);
        try (KafkaJournal journal = KafkaJournal.open(kafka)) {
            journal.append(events).get(60, TimeUnit.SECONDS);
        }
        Instant to = Instant.ofEpochMilli(SimConfig.DEFAULT_START_MILLIS).plusSeconds(9 * 86_400);
        assertEquals(0, cli.run("train", "ftrl", "--home", dir.resolve("file-home").toString(), "--hash-bits", "16", "--to", to.toString()),
                cli.stderr());
        ModelCard fromFile = new ModelRegistry(dir.resolve("file-home")).list(FtrlVersions.KIND).get(0);

        // a home with no journal: the events come from the topic the service journals into, named as the service names it
        assertEquals(0, cli.runWithKafka(kafka.bootstrap(), kafka.topic(), "train", "ftrl", "--home", dir.resolve("kafka-home").toString(),
                "--hash-bits", "16", "--to", to.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("Events: the Kafka topic " + kafka.topic() + " at " + kafka.bootstrap()), cli.stdout());
        ModelCard fromKafka = new ModelRegistry(dir.resolve("kafka-home")).list(FtrlVersions.KIND).get(0);
        assertEquals(fromFile.dataHash(), fromKafka.dataHash(), "the same events trained on");
        assertEquals(fromFile.metrics().get("auc.complete"), fromKafka.metrics().get("auc.complete"), fromKafka.metrics().toString());
        assertTrue(fromKafka.metrics().get("auc.complete") > 0.6, fromKafka.metrics().toString());

        // a topic nobody made (a mistyped name): refused, and not made by the read with the brokers' defaults
        String missing = "no-such-topic-" + System.nanoTime();
        assertEquals(1, cli.runWithKafka(kafka.bootstrap(), missing, "train", "ftrl", "--home", dir.resolve("kafka-home").toString(),
                "--to", to.toString()));
        assertTrue(cli.stderr().contains("there is no Kafka topic " + missing + " at " + kafka.bootstrap()), cli.stderr());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            assertFalse(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(missing));
        }
    }
}
