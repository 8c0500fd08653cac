package io.melograph.worker;

import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.DeepRanking;
import io.melograph.sim.SimulatedJournals;
import io.melograph.train.ranking.RankerVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's scheduled retraining trains the live deep ranker's model again, judged as {@code train ranker} judges it. */
class RankerTrainingTest {
    @TempDir
    Path home;

    private static DnnRanker.Settings epochs(int n) {
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        return new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), n, d.learningRate(), d.batch(), d.validationShare(), d.l2());
    }

    @Test
    void retrainsTheLiveModelOnTheJournalUpToAHeldOutWeekAndSwapsInAPromotedVersion() throws Exception {
        Path journal = home.resolve("journal");
        List<Event> events = SimulatedJournals.write(journal, 600, 8, 120, 21, 5);
        ModelRegistry registry = new ModelRegistry(home);
        DeepRanking deep = new DeepRanking(registry);
        // no deep version live: an editor has not chosen one, nothing is trained
        assertEquals(Optional.empty(), RankerTraining.retrain(registry, EventHistory.of(journal), song -> null, deep, epochs(1), "test"));
        assertTrue(registry.list(RankerFile.KIND).isEmpty());

        Instant last = Instant.ofEpochMilli(events.stream().mapToLong(Event::ts).max().orElseThrow());
        Instant firstTo = last.minus(RankerVersions.HOLDOUT).minusSeconds(3 * 86_400);
        RankerVersions.Trained first = RankerVersions.train(registry, EventHistory.of(journal), song -> null, "dnn", epochs(2), null, firstTo,
                RankerVersions.HOLDOUT, 42, Instant.now());
        if (!first.promoted()) {
            registry.promote(RankerFile.KIND, first.card().version(), "chosen by the test");
        }
        assertTrue(deep.swapToCurrent());

        RankerVersions.Trained again = RankerTraining.retrain(registry, EventHistory.of(journal), song -> null, deep, epochs(2), "test").orElseThrow();
        ModelCard card = again.card();
        assertEquals(2, registry.list(RankerFile.KIND).size());
        assertEquals(last.minus(RankerVersions.HOLDOUT).toString(), card.windowTo(), "trained up to a held-out last week");
        assertTrue(card.metrics().containsKey("current.auc.mean"), "judged against the live version: " + card.metrics());
        assertEquals(again.promoted(), deep.served().orElseThrow().version().equals(card.version()), again.reason());
        assertEquals("dnn", deep.served().orElseThrow().model().name());

        // the other version made live: the replaced one's scoring sessions are freed, so it refuses; the new one scores
        DeepRanking.Served replaced = deep.served().orElseThrow();
        String other = replaced.version().equals(card.version()) ? first.card().version() : card.version();
        registry.promote(RankerFile.KIND, other, "the test swaps versions");
        assertTrue(deep.swapToCurrent());
        String user = replaced.model().userIds().get(1);
        List<String> songs = replaced.model().itemIds().subList(1, 4);
        long now = last.toEpochMilli();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> replaced.heads(user, "daily", now, songs, List.of()));
        assertEquals("the scoring session was closed", closed.getMessage());
        assertEquals(other, deep.served().orElseThrow().version());
        assertEquals(songs.size(), deep.served().orElseThrow().heads(user, "daily", now, songs, List.of())[0].length);
        deep.close();
    }
}
