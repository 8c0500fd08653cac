package io.melograph.rank;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.Journal;
import io.melograph.events.JournalFollower;
import io.melograph.events.JournalPosition;
import io.melograph.util.AtomicFiles;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Keeps an {@link FtrlRanker} learning from the journal: restores the last snapshot, replays the journal from where
 * the snapshot's open sessions began (events up to the snapshot's position only rebuild pending exposures; later ones
 * are learned), then learns each durable group as the journal writes it. Snapshots (weights, play counts and the
 * journal position they include) are written atomically to {@code <dir>/ftrl.bin} (temp file + rename): every
 * {@link #startSnapshots period} and on {@link #close}. So no event is learned twice or lost across a restart;
 * exposures served by this process but not yet resolved when it stops are relearned on replay without their channels.
 */
public final class OnlineRanking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineRanking.class);
    public static final String FILE = "ftrl.bin";
    private static final int MAGIC = 0x4d474652; // "MGFR"
    /**
     * 2: positions as lanes (a Kafka topic of several partitions); 1 (still written when both have one lane): one segment
     * and offset each
     */
    private static final int VERSION = 2;

    /** Numbers for /admin/stats. */
    public record Stats(Map<Head, Long> examples, Map<Head, Long> positives, long eventsLearned, int pendingExposures,
                        int openSessions, int songsWithPlays, String learnedUpTo, long snapshotAt, long snapshotMillis,
                        long snapshotBytes) {}

    private final Path dir;
    private final FtrlRanker ranker;
    private final OnlineLabels labels;
    private JournalPosition learnedUpTo;
    /** Where {@link #catchUp} starts: the snapshot's earliest open session (or the start of the journal). */
    private JournalPosition replayFrom = JournalPosition.START;
    private JournalPosition groupStart;
    private long eventsLearned;
    /** Whether the journal has several lanes (decided by the journal, not by the positions reached so far). */
    private boolean severalLanes;
    private volatile long snapshotAt;
    private volatile long snapshotMillis;
    private volatile long snapshotBytes;
    private ScheduledExecutorService schedule;
    private volatile JournalFollower follower;
    private volatile OnlineMetrics metrics;
    private volatile Predictions predictions;
    /** Replaced by another version: it learns nothing more and writes no snapshot. */
    private volatile boolean retired;

    /** Receives each learned example with the probability predicted before learning it (progressive validation). */
    public interface Predictions {
        void predicted(Head head, double probability, boolean label);
    }

    private OnlineRanking(Path dir, FtrlRanker ranker, JournalPosition learnedUpTo) {
        this.dir = dir;
        this.ranker = ranker;
        this.labels = new OnlineLabels(ranker);
        this.learnedUpTo = learnedUpTo;
        this.groupStart = learnedUpTo;
    }

    /** A ranker that has learned nothing yet; snapshots go to {@code dir}. */
    public static OnlineRanking fresh(Path dir, FtrlRanker.Config config, Function<String, ItemCatalog.SongFacts> songs) {
        return new OnlineRanking(dir, new FtrlRanker(config, songs), JournalPosition.START);
    }

    /** The snapshot in {@code dir} when there is one, else a fresh ranker. */
    public static OnlineRanking restoreOrFresh(Path dir, FtrlRanker.Config config, Function<String, ItemCatalog.SongFacts> songs) {
        Path file = dir.resolve(FILE);
        return Files.exists(file) ? restore(file, dir, config, songs) : fresh(dir, config, songs);
    }

    /** The ranker of the snapshot {@code file} (a stored model version), snapshotting from now on to {@code dir}. */
    public static OnlineRanking restore(Path file, Path dir, FtrlRanker.Config config, Function<String, ItemCatalog.SongFacts> songs) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            Restored r = read(in, config, songs);
            OnlineRanking o = new OnlineRanking(dir, r.ranker, r.learnedUpTo);
            o.replayFrom = r.replayFrom;
            LOG.info("FTRL ranker restored from {} (learned up to {}, examples {})", file, r.learnedUpTo, o.ranker.examples());
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FTRL snapshot " + file, e);
        }
    }

    private record Restored(FtrlRanker ranker, JournalPosition learnedUpTo, JournalPosition replayFrom) {}

    private static Restored read(InputStream raw, FtrlRanker.Config config, Function<String, ItemCatalog.SongFacts> songs)
            throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int version = in.readInt() == MAGIC ? in.readInt() : -1;
        if (version != 1 && version != VERSION) {
            throw new IOException("not an FTRL snapshot of this version");
        }
        JournalPosition learned = readPosition(in, version);
        JournalPosition from = readPosition(in, version);
        in.readLong(); // written at
        return new Restored(FtrlRanker.read(in, songs), learned, from);
    }

    private static JournalPosition readPosition(DataInputStream in, int version) throws IOException {
        if (version == 1) {
            return new JournalPosition(in.readLong(), in.readLong());
        }
        return JournalPosition.read(in);
    }

    private static void writePosition(DataOutputStream out, JournalPosition p, int version) throws IOException {
        if (version == 1) {
            out.writeLong(p.segment());
            out.writeLong(p.offset());
            return;
        }
        p.write(out);
    }

    /**
     * The number of lanes of the journal (or history) this learns from. With several (a Kafka topic of several
     * partitions) events already learned are passed over instead of rebuilding sessions: see {@link #snapshot()}.
     */
    public synchronized OnlineRanking readingLanes(int lanes) {
        severalLanes = lanes > 1;
        return this;
    }

    public FtrlRanker ranker() {
        return ranker;
    }

    /**
     * Reports to {@code shared} from now on (call it before {@link #follow}): each head's running quality and the events
     * of each scene and arm; the meters outlive a ranker that a promoted version replaces.
     */
    public OnlineRanking observe(OnlineMetrics shared) {
        metrics = shared;
        return this;
    }

    /** From now on every learned example's prediction before learning also goes to {@code p} (null: nowhere). */
    public OnlineRanking predictions(Predictions p) {
        predictions = p;
        return this;
    }

    /** The meters, once {@link #observe} was called. */
    public java.util.Optional<OnlineMetrics> metrics() {
        return java.util.Optional.ofNullable(metrics);
    }

    /**
     * Replays the journal from where the restored state needs it up to its end: events after {@link #learnedUpTo()}
     * are learned. Returns the number of events read.
     */
    public long catchUp(Journal journal) {
        return replay(journal).events();
    }

    private record Replayed(long events, JournalPosition reached) {}

    private Replayed replay(Journal journal) {
        long started = System.nanoTime();
        readingLanes(journal.lanes());
        JournalPosition end = journal.end();
        synchronized (this) {
            if (!learnedUpTo.atOrBefore(end) || !replayFrom.atOrBefore(end)) {
                // the journal lost its tail after this snapshot learned from it: what was learned stays learned, and new
                // events (appended where the journal now ends) must not be taken as already learned
                LOG.warn("Event journal ends at {} but the FTRL snapshot had learned up to {}: its tail was lost; the ranker "
                        + "continues from the journal's end", end, learnedUpTo);
                learnedUpTo = JournalPosition.min(learnedUpTo, end);
                replayFrom = JournalPosition.min(replayFrom, end);
            }
        }
        long[] read = {0};
        JournalPosition from = severalLanes ? learnedUpTo : replayFrom; // see snapshot()
        JournalPosition[] before = {from};
        JournalPosition reached = journal.replay(from, (e, after) -> {
            accept(e, before[0], after);
            before[0] = after;
            read[0]++;
        });
        synchronized (this) {
            groupStart = JournalPosition.max(learnedUpTo, reached); // past copies the read passed over at its end
        }
        LOG.info("FTRL ranker caught up: {} events read from {} in {} ms, examples {}", read[0], from,
                (System.nanoTime() - started) / 1_000_000, ranker.examples());
        return new Replayed(read[0], reached);
    }

    /**
     * Catches up with the journal on a thread of its own (the restored weights rank meanwhile), then learns every new
     * durable group on the journal's writer thread.
     */
    public OnlineRanking follow(Journal journal) {
        follower = JournalFollower.start("ftrl-catch-up", journal, () -> replay(journal).reached(), this::acceptGroup);
        return this;
    }

    /** Whether {@link #follow} has caught up with the journal (and learns each new group as it is written). */
    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }

    /** Waits until {@link #follow} has caught up (commands and tests). */
    public OnlineRanking awaitCaughtUp() {
        follower.awaitCaughtUp();
        return this;
    }

    private synchronized void acceptGroup(java.util.List<Event> events, JournalPosition end) {
        if (retired) {
            return;
        }
        // the whole group shares one end position: it is new (or not) as a whole (groups after the catch-up are new)
        boolean learn = !end.atOrBefore(learnedUpTo);
        for (Event e : events) {
            accept(e, groupStart, learn);
        }
        if (learn) {
            learnedUpTo = JournalPosition.max(learnedUpTo, end);
        }
        groupStart = end;
    }

    /**
     * Takes one journal event, read between {@code before} and {@code after}; it is learned (examples, play count)
     * only when it lies beyond what the restored state already includes, otherwise it only rebuilds open sessions (in
     * a journal of one lane; of several, it is passed over).
     */
    public synchronized void accept(Event e, JournalPosition before, JournalPosition after) {
        boolean learn = !learnedUpTo.covers(before, after);
        if (!learn && severalLanes) {
            return; // its sessions are not rebuilt over several lanes: see snapshot()
        }
        accept(e, before, learn);
        if (learn) {
            learnedUpTo = JournalPosition.max(learnedUpTo, after);
        }
    }

    private void accept(Event e, JournalPosition before, boolean learn) {
        OnlineMetrics m = metrics;
        Predictions seen = predictions;
        labels.accept(e, before, !learn ? x -> { } : x -> {
            double p = ranker.learn(x.head(), x.exposure(), x.label());
            if (m != null) {
                m.predicted(x.head(), p, x.label());
            }
            if (seen != null) {
                seen.predicted(x.head(), p, x.label());
            }
        });
        if (learn) {
            if (m != null) {
                m.event(e);
            }
            if (e.itemType() == ItemType.SONG && e.action() == Action.PLAY) {
                ranker.plays().add(e.itemId());
            }
            eventsLearned++;
        }
    }

    /** A checksum of the ranker's weights and play counts: two rankers that learned the same examples have the same one. */
    public synchronized String fingerprint() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(java.io.OutputStream.nullOutputStream(), crc))) {
            ranker.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("%08x", crc.getValue());
    }

    public synchronized JournalPosition learnedUpTo() {
        return learnedUpTo;
    }

    /** Writes the snapshot now (atomically); returns its file. */
    public Path snapshot() {
        long started = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            synchronized (this) {
                // a consistent cut: weights, play counts and the positions they include, under the learning lock
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(MAGIC);
                // several lanes (a Kafka topic of several partitions): a replay reads them in another interleaving, so
                // sessions would not end as they did (one ends when any listener's event is a window later) and an
                // example could be learned twice; the exposures open now are forgotten at a restore instead
                JournalPosition from = severalLanes ? learnedUpTo : labels.replayFrom(learnedUpTo);
                // one lane each: format 1, which processes of the build before read too (a rolling upgrade shares versions)
                int version = learnedUpTo.lanes() == 1 && from.lanes() == 1 ? 1 : VERSION;
                out.writeInt(version);
                writePosition(out, learnedUpTo, version);
                writePosition(out, from, version);
                out.writeLong(System.currentTimeMillis());
                ranker.write(out);
                out.flush();
            }
            Path file = dir.resolve(FILE);
            AtomicFiles.write(file, bytes.toByteArray());
            snapshotMillis = (System.nanoTime() - started) / 1_000_000;
            snapshotBytes = bytes.size();
            snapshotAt = System.currentTimeMillis();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the FTRL snapshot to " + dir, e);
        }
    }

    /** Snapshots every {@code period} on a daemon thread (failures are logged, the next period tries again). */
    public synchronized OnlineRanking startSnapshots(Duration period) {
        if (schedule == null) {
            schedule = Periodic.every(period, "ftrl-snapshot", LOG, this::snapshot);
        }
        return this;
    }

    public Stats stats() {
        EnumMap<Head, Long> positives = new EnumMap<>(Head.class);
        for (Head h : Head.values()) {
            positives.put(h, ranker.head(h).positives());
        }
        synchronized (this) {
            return new Stats(ranker.examples(), positives, eventsLearned, labels.pending(), labels.openSessions(),
                    ranker.plays().size(), learnedUpTo.toString(), snapshotAt,
                    snapshotMillis, snapshotBytes);
        }
    }

    /**
     * Steps down for another version: stops learning and snapshotting, without a last snapshot (the working copy now
     * belongs to the version that replaced it).
     */
    public void retire() {
        retired = true;
        stopSnapshots();
    }

    /** Stops the periodic snapshots and writes a last one. Learning from the journal stops with the journal. */
    @Override
    public void close() {
        if (retired) {
            return;
        }
        stopSnapshots();
        snapshot();
    }

    private void stopSnapshots() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = schedule;
            schedule = null;
        }
        if (s != null) {
            s.shutdownNow();
        }
    }
}
