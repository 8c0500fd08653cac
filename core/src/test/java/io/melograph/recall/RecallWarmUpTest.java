package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Once warmed up, a recall that is no longer warm finds its way back at a round per pause, not round after round. */
class RecallWarmUpTest {
    @Test
    void aWarmedUpRecallThatRunsOutOfTimeWarmsUpAgainAtAPace() throws InterruptedException {
        TestGraph.clear();
        TwoScenes.write(TestGraph.connection());
        try (RecallService recall = new RecallService(TestGraph.connection(), new ListenerProfiles(TestGraph.connection(),
                new ListenerStates(new ItemCatalog(TestGraph.connection()))), Duration.ofSeconds(20), new SimpleMeterRegistry())) {
            recall.warmUp();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!recall.warm() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(recall.warm(), "warmed up");
            Thread.sleep(1_000); // the warm-up has seen it warm (it pauses now)
            // the latest answers keep running out of time (as on a machine under load): rounds again, one per pause
            int before = recall.warmUpRounds();
            ListenerContext song = ListenerContext.ofSong("a-song-1-1", "");
            for (long until = System.nanoTime() + 2 * RecallService.CHECK_EVERY.toNanos() + TimeUnit.SECONDS.toNanos(1);
                 System.nanoTime() < until; Thread.sleep(100)) {
                for (int k = 0; k < ChannelTimeouts.WINDOW; k++) { // no time at all: each answer out of time
                    recall.run(List.of("kg-same-album"), song, 10, channel -> Duration.ZERO);
                }
                assertFalse(recall.warm());
            }
            int rounds = recall.warmUpRounds() - before;
            assertTrue(rounds >= 1 && rounds <= 3, "a round, then a pause: " + rounds);
        }
    }
}
