package io.melograph.cli;

import io.melograph.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `melograph bench replay` over a file journal and over a Kafka topic of several partitions, from a chosen number of listeners. */
class BenchReplayCommandTest {
    private CliRunner cli;

    @BeforeEach
    void open() {
        cli = new CliRunner();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void replaysAFileJournalOrATopicAndTakesExactlyOneOfThem(@TempDir Path dir) {
        assertEquals(0, cli.run("bench", "replay", "--events", "3000", "--kafka", TestKafka.bootstrap(), "--partitions", "3"), cli.stderr());
        assertTrue(cli.stdout().contains("Kafka topic of 3 partition(s), 3,000 events: open (every id read)"), cli.stdout());
        assertTrue(cli.stdout().contains("open again with 0 ids kept on disk"), cli.stdout()); // fewer than a write holds
        assertTrue(cli.stdout().contains("replay into listener state (3,000 listeners)"), cli.stdout());

        assertEquals(0, cli.run("bench", "replay", "--events", "3000", dir.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("journal 3,000 events: open and verify"), cli.stdout());
        assertTrue(cli.stdout().contains("(0 events read after it)"), cli.stdout()); // the snapshot held every event
        assertEquals(0, cli.run("bench", "replay", "--events", "3000", "--listeners", "100", dir.resolve("l100").toString()),
                cli.stderr());
        assertTrue(cli.stdout().contains("replay into listener state (100 listeners)"), cli.stdout());
        assertNotEquals(0, cli.run("bench", "replay", "--listeners", "0", dir.resolve("l0").toString()));
        assertTrue(cli.stderr().contains("--listeners must be at least 1"), cli.stderr());

        assertNotEquals(0, cli.run("bench", "replay", "--events", "10", "--kafka", TestKafka.bootstrap(), dir.toString()));
        assertTrue(cli.stderr().contains("give exactly one of DIR and --kafka"), cli.stderr());
        assertNotEquals(0, cli.run("bench", "replay", "--events", "10"));
        assertTrue(cli.stderr().contains("give exactly one of DIR and --kafka"), cli.stderr());
    }
}
