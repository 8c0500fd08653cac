package io.melograph.bench;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerStates;
import io.melograph.events.JournalPosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a journal of synthetic events and times reading it back, the work every start-up does. */
public final class JournalReplayBench {
    private JournalReplayBench() {}

    public static String run(Path dir, int events) throws Exception {
        try (FileJournal j = FileJournal.open(dir)) {
            long have = j.size();
            List<Event> batch = new ArrayList<>(10_000);
            for (long n = have; n < events; n++) {
                batch.add(new Event("replay-" + n, "user-" + (n % 10_000), "song-" + (n % 100_000), ItemType.SONG,
                        n % 4 == 0 ? Action.SKIP : Action.PLAY, n % 200_000, 210_000, "bench", 1_700_000_000_000L + n * 1000));
                if (batch.size() == 10_000) {
                    j.append(batch).get();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                j.append(batch).get();
            }
        }
        long opened = System.nanoTime();
        try (FileJournal j = FileJournal.open(dir)) {
            double openSeconds = (System.nanoTime() - opened) / 1e9;
            long[] n = {0};
            long[] checksum = {0};
            long started = System.nanoTime();
            j.replay(JournalPosition.START, (e, after) -> {
                n[0]++;
                checksum[0] += e.ts();
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            // the start-up path: every event into live listener state (no catalog here, so no affinities)
            ListenerStates states = new ListenerStates(new ItemCatalog(null));
            long stateStarted = System.nanoTime();
            j.replay(JournalPosition.START, (e, after) -> states.apply(e));
            double stateSeconds = (System.nanoTime() - stateStarted) / 1e9;
            return String.format(Locale.ROOT, "journal of %,d events: open and verify %.2f s (%,.0f events/s); replay %.2f s = %,.0f events/s; "
                            + "replay into listener state (%,d listeners) %.2f s = %,.0f events/s",
                    n[0], openSeconds, n[0] / openSeconds, seconds, n[0] / seconds, states.size(), stateSeconds, n[0] / stateSeconds);
        }
    }
}
