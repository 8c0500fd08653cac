package io.melograph.cli;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemType;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.Head;
import io.melograph.rank.OnlineRanking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code melograph train ftrl} rebuilds the online ranker from a small journal. */
class TrainFtrlCommandTest {
    private static final long T0 = 1_704_103_200_000L;
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        cli = new CliRunner();
        TwoScenes.write(TestGraph.connection());
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private static Event event(int n, String user, String song, Action action, long seconds) {
        return new Event("e" + n, user, song, ItemType.SONG, action, -1, -1, "daily", T0 + seconds * 1000);
    }

    @Test
    void replaysTheJournalIntoASnapshotTheServiceRestores() throws Exception {
        Path home = dir.resolve("home");
        String s1 = TwoScenes.SCENES.get(0) + "-song-1-1";
        String s2 = TwoScenes.SCENES.get(0) + "-song-1-2";
        try (FileJournal j = FileJournal.open(home.resolve("journal"))) {
            j.append(List.of(event(1, "u1", s1, Action.IMPRESSION, 0), event(2, "u1", s2, Action.IMPRESSION, 0),
                    event(3, "u1", s1, Action.CLICK, 5), event(4, "u1", s1, Action.PLAY, 6),
                    event(5, "u1", s1, Action.COMPLETE, 200), event(6, "u1", s1, Action.LIKE, 201))).get();
            // another listener 40 minutes later: u1's session is over, s2 was never opened
            j.append(List.of(event(7, "u2", s2, Action.PLAY, 2400))).get();
        }
        assertEquals(0, cli.run("train", "ftrl", "--home", home.toString(), "--hash-bits", "14"), cli.stderr());
        String out = cli.stdout();
        assertTrue(out.contains("replayed 7 events"), out);
        assertTrue(out.contains("click    2 examples, 1 positive"), out);
        assertTrue(out.contains("complete 1 examples, 1 positive"), out);
        assertTrue(out.contains("like     1 examples, 1 positive"), out);
        assertTrue(out.contains("1 exposures still open"), out);

        Path models = home.resolve("models").resolve("ftrl");
        assertTrue(Files.size(models.resolve(OnlineRanking.FILE)) > 0);
        OnlineRanking restored = OnlineRanking.restoreOrFresh(models, FtrlRanker.Config.defaults(), id -> null);
        assertEquals(Map.of(Head.CLICK, 2L, Head.COMPLETE, 1L, Head.LIKE, 1L), restored.ranker().examples());
        assertEquals(14, restored.ranker().hashBits(), "the snapshot keeps its own hash space");
        try (FileJournal j = FileJournal.open(home.resolve("journal"))) {
            assertEquals(1, restored.catchUp(j), "only the open session (u2's play) is replayed, to rebuild it...");
        }
        assertEquals(Map.of(Head.CLICK, 2L, Head.COMPLETE, 1L, Head.LIKE, 1L), restored.ranker().examples(),
                "...but nothing is learned twice");
        assertEquals(1, restored.stats().pendingExposures());
    }

    @Test
    void aJournalInUseIsRefused() {
        Path home = dir.resolve("home");
        try (FileJournal held = FileJournal.open(home.resolve("journal"))) {
            assertEquals(1, cli.run("train", "ftrl", "--home", home.toString()));
            assertTrue(cli.stderr().contains("error:"), cli.stderr());
        }
    }
}
