package io.melograph.events;

import io.melograph.util.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every live listener's state with the journal position it includes, in one file ({@code MELOGRAPH_HOME/live-state}),
 * so a start reads only the events after it instead of the whole journal. It names the journal it was read from (a
 * Kafka topic's id), and the action and item-type names its numbers stand for: a snapshot of another journal or of
 * another build's names is not used.
 */
public final class LiveStateSnapshot {
    static final String FILE = "listeners.bin";
    private static final int MAGIC = 0x4d4c5354; // "MLST"
    /** 2: the journal position as {@link JournalPosition#write} writes it */
    private static final int VERSION = 2;

    /** What a snapshot held besides the states: where in the journal it was, and the intake's count of unknown items. */
    public record Header(String journal, JournalPosition position, long unknownItemEvents, long writtenAt) {}

    private LiveStateSnapshot() {}

    /** The snapshot's folder in a Melograph home. */
    public static Path in(Path home) {
        return home.resolve("live-state");
    }

    /**
     * Replaces the snapshot in {@code dir} at once (a reader sees the old one or the new one), streamed to disk; of a
     * {@link ListenerStates#copy}, or of states no event is applied to meanwhile. Returns its size in bytes.
     */
    static long write(Path dir, Header header, ListenerStates states) throws IOException {
        Path file = dir.resolve(FILE);
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(header.journal());
            out.writeUTF(rules());
            header.position().write(out);
            out.writeLong(header.unknownItemEvents());
            out.writeLong(header.writtenAt());
            states.write(out, new Words());
            out.flush();
        });
        return Files.size(file);
    }

    /** Whether {@code dir} holds a snapshot. */
    static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }

    /**
     * Reads the snapshot in {@code dir} into {@code states} when it is of {@code journal}; returns its header.
     *
     * @throws IOException when it is unreadable, of another journal or of other names ({@code states} is then cleared)
     */
    static Header read(Path dir, String journal, ListenerStates states) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(FILE)), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a live-state snapshot of this version");
            }
            String of = in.readUTF();
            if (!of.equals(journal)) {
                throw new IOException("it is of another journal (" + (of.isEmpty() ? "a file journal" : of) + ")");
            }
            if (!in.readUTF().equals(rules())) {
                throw new IOException("it was built by other rules (actions, item types, their weights, the session gap, "
                        + "what a state keeps) than this build's");
            }
            Header h = new Header(of, JournalPosition.read(in), in.readLong(), in.readLong());
            states.read(in, new Words());
            if (in.read() != -1) {
                throw new IOException("it goes on after its last listener");
            }
            return h;
        } catch (IOException | RuntimeException e) {
            states.clear();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * The rules live state was built by: the names its numbers for actions and item types stand for, the actions'
     * weights, and what a state keeps. A build with others rebuilds the state from the journal.
     */
    private static String rules() {
        StringBuilder weights = new StringBuilder();
        for (Action a : Action.values()) {
            weights.append(ActionWeights.of(a)).append(',');
        }
        return Arrays.toString(Action.values()) + Arrays.toString(ItemType.values()) + weights + ListenerState.rules();
    }

    /**
     * Each distinct string once: its first occurrence is written whole, later ones as its number. A restored state
     * shares one string per song id, scene and artist, as the catalog does.
     */
    static final class Words {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> read = new ArrayList<>();

        /** Writes {@code s} (null too). */
        void write(DataOutput out, String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer n = numbers.get(s);
            if (n != null) {
                out.writeInt(n);
                return;
            }
            numbers.put(s, numbers.size());
            out.writeInt(-2);
            out.writeUTF(s);
        }

        String read(DataInput in) throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n == -2) {
                String s = in.readUTF();
                read.add(s);
                return s;
            }
            if (n < 0 || n >= read.size()) {
                throw new IOException("a string number " + n + " refers to no string read before");
            }
            return read.get(n);
        }
    }
}
