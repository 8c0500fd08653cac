package io.melograph.cli;

import io.melograph.events.Event;
import io.melograph.rank.Head;
import io.melograph.rank.deep.ChainRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimulatedJournals;
import io.melograph.train.ranking.RankerVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code melograph train ranker} trains a deep ranker on the journal's labelled exposures, judges it against FTRL on
 * the same held-out exposures and the current version, and promotes only a better one.
 */
class TrainRankerCommandTest {
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
    void aVersionIsJudgedAgainstFtrlAndTheCurrentOneAndStoredForServing() throws Exception {
        Path home = dir.resolve("home");
        List<Event> events = SimulatedJournals.write(home.resolve("journal"), 600, 8, 120, 21, 5);
        Instant to = Instant.ofEpochMilli(SimConfig.DEFAULT_START_MILLIS).plusSeconds(14 * 86_400);
        assertEquals(0, cli.run("train", "ranker", "--home", home.toString(), "--to", to.toString(), "--model", "dnn", "--epochs", "3"),
                cli.stderr());
        ModelRegistry registry = new ModelRegistry(home);
        ModelCard first = registry.list(RankerFile.KIND).get(0);
        assertEquals(to.toString(), first.windowTo());
        for (Head h : Head.values()) {
            assertTrue(first.metrics().get(h.wire() + ".auc") > 0.5, h + " " + first.metrics());
            assertTrue(first.metrics().containsKey("ftrl." + h.wire() + ".auc"), first.metrics().toString());
        }
        // promoted exactly when it beats FTRL on the same exposures, and the card says so either way
        boolean beatsFtrl = first.metrics().get("auc.mean") > first.metrics().get("ftrl.auc.mean");
        assertEquals(beatsFtrl, registry.current(RankerFile.KIND).isPresent(), cli.stdout());
        assertTrue(cli.stdout().contains(beatsFtrl ? "first ranker version, ahead of FTRL" : "does not beat FTRL"), cli.stdout());
        ChainRanker stored = ChainRanker.read(registry.dir(RankerFile.KIND, first.version()));
        assertEquals("dnn", stored.name());
        assertEquals(RankerVersions.OTHER, stored.userIds().get(0), "row 0 stands for listeners it never saw");
        assertTrue(stored.userIds().size() > 50 && stored.itemIds().size() > 300, stored.itemIds().size() + " items");

        if (beatsFtrl) { // a second version on the same window is compared with the first on the same exposures
            assertEquals(0, cli.run("train", "ranker", "--home", home.toString(), "--to", to.toString(), "--model", "dnn", "--epochs", "1",
                    "--from", to.minusSeconds(2 * 86_400).toString()), cli.stderr());
            ModelCard second = registry.list(RankerFile.KIND).get(1);
            assertTrue(second.metrics().containsKey("current.auc.mean"), second.metrics().toString());
            assertEquals(second.metrics().get("auc.mean") > second.metrics().get("current.auc.mean")
                    && second.metrics().get("auc.mean") > second.metrics().get("ftrl.auc.mean"),
                    registry.current(RankerFile.KIND).orElseThrow().equals(second.version()), second.note());
        }

        assertEquals(2, cli.run("train", "ranker", "--home", home.toString(), "--model", "transformer"));
        assertTrue(cli.stderr().contains("--model: one of"), cli.stderr());
        Instant last = Instant.ofEpochMilli(events.stream().mapToLong(Event::ts).max().orElseThrow());
        assertEquals(2, cli.run("train", "ranker", "--home", home.toString(), "--to", last.minusSeconds(10).toString()));
        assertTrue(cli.stderr().contains("too few to judge a ranker"), cli.stderr());
    }
}
