package io.melograph.events;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * All events recorded so far, as training reads them: a journal directory (commands, the replay's scratch home), the
 * service's Kafka topic (commands against a deployment that journals there) or the service's own open journal, a file
 * or a Kafka topic, read beside the intake that goes on appending.
 */
public final class EventHistory {
    private final String name;
    private final Reader reader;

    @FunctionalInterface
    private interface Reader {
        void readAll(Journal.Replay consumer);
    }

    private EventHistory(String name, Reader reader) {
        this.name = name;
        this.reader = reader;
    }

    /** The journal in {@code dir}, read without its lock; none there: no events. */
    public static EventHistory of(Path dir) {
        return new EventHistory("the event journal in " + dir, c -> {
            if (Files.isDirectory(dir)) {
                FileJournal.readAll(dir, c);
            }
        });
    }

    /**
     * A Kafka topic the service journals into, read by this process alone (no producer, no committed offsets), from its
     * start to where it ends when the read begins.
     */
    public static EventHistory of(KafkaJournal.Settings kafka) {
        return new EventHistory("the Kafka topic " + kafka.topic() + " at " + kafka.bootstrap(),
                c -> KafkaJournal.readAll(kafka, c));
    }

    /** An open journal, from its start to where it ends when the read begins. */
    public static EventHistory of(Journal journal, String name) {
        return new EventHistory(name, c -> journal.replay(JournalPosition.START, c));
    }

    /** Every event in order, with the position just after it. */
    public void readAll(Journal.Replay consumer) {
        reader.readAll(consumer);
    }

    /** What it is, for messages ("the event journal in …"). */
    @Override
    public String toString() {
        return name;
    }
}
