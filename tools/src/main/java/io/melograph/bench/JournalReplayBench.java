package io.melograph.bench;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventIntake;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.Journal;
import io.melograph.events.KafkaJournal;
import io.melograph.events.ListenerStates;
import io.melograph.events.JournalPosition;
import io.melograph.util.Folders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a journal of synthetic events and times reading it back, the work every start-up does: a file journal, or a
 * Kafka topic (opening it reads every id, or those after the ids kept on disk; a replay merges its partitions by time).
 */
public final class JournalReplayBench {
    /** The listeners the events come from, round robin: at 200 events each, every live state is full. */
    public static final int DEFAULT_LISTENERS = 10_000;

    private JournalReplayBench() {}

    /** Opens the journal measured (again, for each phase). */
    @FunctionalInterface
    public interface Opener {
        Journal open() throws Exception;
    }

    /** The file journal in {@code dir} (reused if there: one directory per number of events and listeners). */
    public static String run(Path dir, int events, int listeners) throws Exception {
        return run(() -> FileJournal.open(dir), "journal", "open and verify", events, listeners);
    }

    /**
     * The same over the Kafka topic {@code bench-replay-<partitions>p-<events>} ({@code -<listeners>l} added for other
     * than {@link #DEFAULT_LISTENERS}; reused if there), then an open that
     * finds the ids kept on disk, as a service's restart does (they are written every million events handed on).
     */
    public static String runKafka(String bootstrap, int partitions, int events, int listeners) throws Exception {
        String name = "bench-replay-" + partitions + "p-" + events + (listeners == DEFAULT_LISTENERS ? "" : "-" + listeners + "l");
        KafkaJournal.Settings topic = new KafkaJournal.Settings(bootstrap, name, 1, partitions);
        String read = run(() -> KafkaJournal.open(topic), "Kafka topic of " + partitions + " partition(s),", "open (every id read)",
                events, listeners);
        Path ids = Files.createTempDirectory("bench-replay-ids");
        try {
            KafkaJournal.open(topic, ids).close(); // reads every id, keeps them on disk
            long opened = System.nanoTime();
            try (KafkaJournal again = KafkaJournal.open(topic, ids)) {
                return read + String.format(Locale.ROOT, "; open again with %,d ids kept on disk %.2f s", again.idsOnDisk(),
                        (System.nanoTime() - opened) / 1e9);
            }
        } finally {
            Folders.delete(ids);
        }
    }

    private static String run(Opener opener, String what, String opening, int events, int listeners) throws Exception {
        try (Journal j = opener.open()) {
            long have = j.size();
            List<Event> batch = new ArrayList<>(10_000);
            for (long n = have; n < events; n++) {
                batch.add(new Event("replay-" + n, "user-" + (n % listeners), "song-" + (n % 100_000), ItemType.SONG,
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
        try (Journal j = opener.open()) {
            double openSeconds = (System.nanoTime() - opened) / 1e9;
            long[] n = {0};
            long[] checksum = {0};
            long started = System.nanoTime();
            j.replay(JournalPosition.START, (e, after) -> {
                n[0]++;
                checksum[0] += e.ts();
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "%s %,d events: %s %.2f s (%,.0f events/s); replay %.2f s = %,.0f events/s; %s",
                    what, n[0], opening, openSeconds, n[0] / openSeconds, seconds, n[0] / seconds, liveState(j));
        }
    }

    /**
     * The start-up path of live listener state (no catalog here, so no affinities): every event read into it, its
     * snapshot written, and a start from that snapshot.
     */
    private static String liveState(Journal j) throws Exception {
        Path dir = Files.createTempDirectory("bench-replay-live-state");
        try {
            ItemCatalog none = new ItemCatalog(null);
            long started = System.nanoTime();
            EventIntake whole = new EventIntake(j, none, new ListenerStates(none), dir, null).awaitCaughtUp();
            double wholeSeconds = (System.nanoTime() - started) / 1e9;
            long events = whole.stats().readAtStart();
            started = System.nanoTime();
            whole.snapshot();
            double snapshotSeconds = (System.nanoTime() - started) / 1e9;
            long bytes;
            try (var files = Files.list(dir)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            started = System.nanoTime();
            EventIntake restored = new EventIntake(j, none, new ListenerStates(none), dir, null).awaitCaughtUp();
            double restoreSeconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "replay into listener state (%,d listeners) %.2f s = %,.0f events/s; its snapshot "
                            + "%.1f MB written in %.2f s; start from the snapshot %.2f s (%,d events read after it)",
                    whole.states().size(), wholeSeconds, events / wholeSeconds, bytes / 1048576.0, snapshotSeconds, restoreSeconds,
                    restored.stats().readAtStart());
        } finally {
            Folders.delete(dir);
        }
    }
}
