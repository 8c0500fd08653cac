package io.melograph.events;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds durable events into the graph in batches: {@code (User)-[:LISTENED {plays, completes, skips, likes, lastAt}]->(Song)}
 * and {@code (Song)-[:CO_LISTENED {weight}]->(Song)} for songs played within {@value #WINDOW} plays of each other in a
 * session. The journal position reached is stored in the graph in the same transaction as the counts, so after a
 * crash the aggregation resumes exactly where its last commit ended: nothing counted twice, nothing missed.
 * <p>
 * Several service processes may share one event log (Kafka) and one graph: one of them aggregates at a time, holding a
 * lease kept with the cursor ({@code cypher/events/claim-aggregation.cypher}) and renewed by each batch; the others
 * stand by, dropping what they queue, and one takes over (catching up from the cursor) once the lease has lapsed.
 * Each batch's transaction checks, under the cursor's lock, that the cursor is where this process left it, so even two
 * processes that both believe they hold the lease never count an event twice.
 */
public final class GraphAggregator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphAggregator.class);
    static final String CONSUMER = "graph-aggregation";
    static final int WINDOW = 3;
    private static final int MAX_BATCH = 20_000;
    /** Events held in memory for the graph at most, by default; beyond that they are read back from the journal. */
    static final int MAX_QUEUED = 200_000;
    private final int maxQueued;
    /** Event ids kept with the cursor: how far back a lost journal tail can be told apart from new events. */
    static final int RECENT_IDS = 2_000;
    /** How long a holder's lease lasts without a batch: the longest aggregation pauses when its process dies. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(15);

    /** A durable group waiting for the graph: it covers the journal from {@code start} to {@code end}. */
    private record Pending(List<Event> events, JournalPosition start, JournalPosition end, long arrived) {}

    /** Aggregation progress for /admin/stats; {@code aggregated} counts all events ever folded in (kept with the cursor). */
    public record Status(long aggregated, long pending, long lagMs, long lastBatchMs, String cursor, boolean caughtUp, boolean aggregating) {}

    /** The cursor as the claim read it under its lock: whether this process holds the lease, and who does. */
    private record Claim(boolean mine, String holder, JournalPosition at, long events, List<String> recentIds) {}

    /** Another process holds the lease: this one stands by. */
    private static final class Standby extends RuntimeException {
        Standby(String holder) {
            super("aggregation is held by " + holder, null, false, false);
        }
    }

    /** The cursor is not where this process left it (another process aggregated meanwhile): read it again. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    private final GraphConnection graph;
    private final Journal journal;
    private final long intervalMs;
    private final java.time.Duration lease;
    /** This process in the lease: unique per aggregator, readable in the graph. */
    private final String holder;
    /** Whether this process holds the lease (as of its last claim). */
    private volatile boolean aggregating;
    /** When this process last renewed its lease (a batch or a claim), by its own clock. */
    private volatile long renewed;
    /** The cursor as the last claim found it: while the journal reaches past it there is something to aggregate. */
    private volatile JournalPosition claimed = JournalPosition.START;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingEvents = new AtomicLong();
    private final Map<String, Deque<String>> windows = new HashMap<>();
    private final Map<String, Long> lastPlay = new HashMap<>();
    /** The newest play seen: co-listen windows of listeners idle for a session gap before it are let go. */
    private long newestPlay;
    private int nextPrune = PRUNE_ABOVE;
    private final Deque<String> recentIds = new ArrayDeque<>();
    private final Thread thread;
    /** What the loop sleeps on between batches, so that {@link #close} can wake it. */
    private final Object wake = new Object();
    private volatile JournalPosition cursor = JournalPosition.START;
    private volatile long aggregated;
    private volatile long lastBatchMs;
    private volatile boolean running = true;
    /** Where the last durable group seen ended (written on the journal's writer thread). */
    private volatile JournalPosition lastEnd = JournalPosition.START;
    /** Until the catch-up from the stored cursor is done; {@link #caughtUp} opens then (or when it gave up). */
    private volatile boolean behind = true;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** Told which listeners' LISTENED edges each committed batch changed (memories of their profiles). */
    private final List<Consumer<Set<String>>> written = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<String>>> coListened = new CopyOnWriteArrayList<>();

    public GraphAggregator(GraphConnection graph, Journal journal, long intervalMs) {
        this(graph, journal, intervalMs, oneOff());
    }

    /**
     * @param holder this instance in the aggregation lease, the same across its restarts (its host and home), so that
     *               a process restarted after a crash takes the aggregation back at once instead of after the lease
     */
    public GraphAggregator(GraphConnection graph, Journal journal, long intervalMs, String holder) {
        this(graph, journal, intervalMs, MAX_QUEUED, LEASE, holder);
    }

    GraphAggregator(GraphConnection graph, Journal journal, long intervalMs, int maxQueued) {
        this(graph, journal, intervalMs, maxQueued, LEASE, oneOff());
    }

    GraphAggregator(GraphConnection graph, Journal journal, long intervalMs, int maxQueued, java.time.Duration lease, String holder) {
        this.maxQueued = maxQueued;
        // at least three aggregation intervals: a holder with events renews it at every one
        this.lease = lease.compareTo(java.time.Duration.ofMillis(3 * intervalMs)) < 0 ? java.time.Duration.ofMillis(3 * intervalMs) : lease;
        this.holder = holder;
        this.graph = graph;
        this.journal = journal;
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::loop, "graph-aggregator");
        thread.setDaemon(true);
    }

    /**
     * Resumes from the stored cursor: reads it (and rewinds it past a lost journal tail) now, then catches up on the
     * journal and follows new durable events on its own thread, so a restart does not wait for the catch-up.
     */
    public GraphAggregator start() {
        lastEnd = journal.end();
        journal.onDurable((events, end) -> {
            JournalPosition start = lastEnd;
            lastEnd = end;
            if (pendingEvents.get() >= maxQueued) {
                return; // the graph is far behind: not held in memory; the gap it leaves is read from the journal
            }
            queue.add(new Pending(events, start, end, System.currentTimeMillis()));
            pendingEvents.addAndGet(events.size());
        });
        graph.read(tx -> {
            List<Record> rows = tx.run(CypherFile.load("events/read-cursor.cypher").statement(), Map.of("consumer", CONSUMER)).list();
            if (!rows.isEmpty()) {
                cursor = position(rows.get(0));
                aggregated = rows.get(0).get("events").asLong();
                recentIds.addAll(rows.get(0).get("recentIds").asList(v -> v.asString()));
            }
            return null;
        });
        // events counted into the graph stay counted even where the journal lost them: their ids stay known
        List<String> lost = journal.remember(recentIds);
        if (journal.mayLoseTail() && !cursor.atOrBefore(journal.end())) {
            rewindLostTail(lost);
        }
        thread.start();
        return this;
    }

    /** Folds in the journal from the cursor to its end (the queue holds what is written meanwhile). */
    private synchronized void catchUp() {
        List<Event> batch = new ArrayList<>();
        JournalPosition[] at = {cursor};
        long[] caughtUp = {0};
        JournalPosition reached = journal.replay(cursor, (e, after) -> {
            if (!running) {
                throw new Stopped();
            }
            batch.add(e);
            at[0] = after;
            if (batch.size() >= MAX_BATCH) {
                write(batch, at[0]);
                caughtUp[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty() || !reached.equals(at[0])) { // the cursor moves past records passed over at the end too
            write(batch, reached);
            caughtUp[0] += batch.size();
        }
        behind = false;
        if (caughtUp[0] > 0) {
            LOG.info("Graph aggregation caught up on {} events from the journal", caughtUp[0]);
        }
    }

    /** Ends a catch-up cut short by {@link #close}: what it wrote is counted, the rest waits for the next start. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * The journal ends before the cursor: its tail was lost (cut by hand, a disk that lost writes) after those events
     * were counted. New events are appended where the journal now ends, so the cursor moves back there (else they
     * would be taken as already counted); the lost events stay counted, and their ids stay known to intake so a
     * re-sent one is a duplicate, not a second count.
     */
    private void rewindLostTail(List<String> lost) {
        JournalPosition end = journal.end();
        long missing = aggregated - journal.size();
        LOG.warn("Event journal ends at {} but graph aggregation had reached {}: the journal lost {} event(s) that "
                        + "were already counted{}; they stay counted, re-sent ones are dropped as duplicates{}; aggregation "
                        + "continues from the journal's end", end, cursor,
                missing > 0 ? missing : lost.size(), lost.isEmpty() ? "" : " (ids " + abbreviate(lost) + ")",
                missing > lost.size() ? " (ids known for the newest " + lost.size() + ")" : "");
        graph.write(tx -> tx.run(CypherFile.load("events/move-cursor.cypher").statement(), cursorMove(end, 0, List.copyOf(recentIds))).consume());
        cursor = end;
    }

    /**
     * Refuses ({@link IllegalStateException}) while a process holds the aggregation lease: a running service or worker,
     * or one killed less than a lease ago.
     */
    public static void requireStopped(GraphConnection graph) {
        graph.read(tx -> {
            requireStopped(tx);
            return null;
        });
    }

    private static void requireStopped(org.neo4j.driver.TransactionContext tx) {
        List<Record> held = tx.run(CypherFile.load("events/cursor-lease.cypher").statement(), Map.of("consumer", CONSUMER)).list();
        if (!held.isEmpty()) {
            throw new IllegalStateException("the graph aggregation is running in " + held.get(0).get("holder").asString()
                    + "; stop the service and its workers first (a killed process frees it once its lease lapses, in seconds)");
        }
    }

    /**
     * Before the journal's seed segment is dropped ({@link SeedSegment#drop}): the count forgets the seed events it
     * had folded in and a cursor inside the seed moves past it, once per seed, in one transaction that is refused while
     * a running process holds the aggregation lease.
     *
     * @param seedId   {@link SeedSegment#id} of the seed
     * @param seedEnds {@link SeedSegment#ends} of the seed
     * @return the seed events the graph had counted and now forgot (0 when it did so before)
     */
    public static long forgetSeedOnce(GraphConnection graph, String seedId, long[] seedEnds) {
        if (seedEnds.length == 0) {
            return 0;
        }
        return graph.write(tx -> {
            requireStopped(tx);
            List<Record> rows = tx.run(CypherFile.load("events/read-cursor.cypher").statement(), Map.of("consumer", CONSUMER)).list();
            if (rows.isEmpty()) {
                return 0L;
            }
            long segment = rows.get(0).get("segment").asLong();
            long offset = rows.get(0).get("offset").asLong();
            long counted = segment > 0 ? seedEnds.length : java.util.Arrays.stream(seedEnds).filter(e -> e <= offset).count();
            List<Record> done = tx.run(CypherFile.load("events/forget-seed.cypher").statement(),
                    Map.of("consumer", CONSUMER, "counted", counted, "seed", seedId)).list();
            return done.isEmpty() ? 0L : counted;
        });
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 20 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 20)) + " and " + (ids.size() - 20) + " more";
    }

    /** {@code listener} is told, after each commit, the songs whose co-listening (CO_LISTENED) it changed. */
    public void whenCoListened(Consumer<Set<String>> listener) {
        coListened.add(listener);
    }

    /** {@code listener} is told, after each commit, the listeners whose aggregated history it changed. */
    public void whenWritten(Consumer<Set<String>> listener) {
        written.add(listener);
    }

    /** Whether this process holds the aggregation lease: of several workers, the one that also runs the scheduled jobs. */
    public boolean holdsLease() {
        return aggregating;
    }

    public Status status() {
        Pending oldest = queue.peek();
        long lag = oldest == null ? 0 : System.currentTimeMillis() - oldest.arrived();
        // a process standing by is caught up once it knows another one aggregates
        boolean caughtUpNow = caughtUp.getCount() == 0 && (!aggregating || !behind);
        return new Status(aggregated, pendingEvents.get(), lag, lastBatchMs, cursor.toString(), caughtUpNow, aggregating);
    }

    /** Writes everything pending now, once caught up (tests and shutdown); waits for a running catch-up. */
    public void flush() {
        try {
            caughtUp.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!aggregating) {
            return; // another process holds the aggregation
        }
        try {
            writePending();
        } catch (Standby | Moved e) {
            aggregating = false; // the loop claims again, or stands by
            behind = true;
        }
    }

    /**
     * Writes the queued groups that continue from the cursor. A group that does not start where the one before it
     * ended (a group left out of the queue because too many waited, or written while the cursor was read) means a gap:
     * what is queued so far is written, then the journal is read from the cursor on ({@link #catchUp}), and the queued
     * groups it covered are dropped. So no event is skipped and none counted twice.
     */
    private synchronized void writePending() {
        if (behind) {
            return; // the first catch-up did not finish: it owns the journal from the cursor on
        }
        List<Event> batch = new ArrayList<>();
        JournalPosition end = cursor;
        Pending p;
        while ((p = queue.peek()) != null) {
            if (p.end().atOrBefore(end)) {
                drop(); // already covered by a catch-up replay
                continue;
            }
            if (!journal.contiguous(end, p.start())) {
                if (!batch.isEmpty()) {
                    write(batch, end);
                    batch.clear();
                }
                if (running) {
                    LOG.info("Graph aggregation: events from {} are not queued ({} at most); reading them from the journal",
                            end, maxQueued);
                    catchUp();
                }
                end = cursor;
                if (!running) {
                    return; // at close a gap waits for the next start's catch-up
                }
                continue;
            }
            drop();
            batch.addAll(p.events());
            end = p.end();
            if (batch.size() >= MAX_BATCH) {
                write(batch, end);
                batch.clear();
            }
        }
        if (!batch.isEmpty() || !end.equals(cursor)) { // a group of copies only (Kafka) moves the cursor too
            write(batch, end);
        }
        if (queue.isEmpty() && !lastEnd.atOrBefore(cursor) && running) {
            catchUp(); // the newest groups were left out of the queue
        }
    }

    private void drop() {
        Pending p = queue.poll();
        if (p != null) {
            pendingEvents.addAndGet(-p.events().size());
        }
    }

    private void loop() {
        try {
            while (running) {
                try {
                    RuntimeException stopped = journal.stopped();
                    if (stopped != null) {
                        handOn(stopped);
                        return;
                    }
                    if (!aggregating && !takeOver()) {
                        caughtUp.countDown(); // a process standing by has nothing to catch up on: flush() returns
                        standBy();
                        continue;
                    }
                    if (behind) {
                        catchUp();
                        caughtUp.countDown();
                    } else {
                        sleep(intervalMs);
                        writePending();
                        renewIfIdle();
                    }
                } catch (Stopped e) {
                    return;
                } catch (Standby e) {
                    LOG.info("Graph aggregation: {}; this process stands by", e.getMessage());
                    aggregating = false;
                    behind = true;
                } catch (Moved e) {
                    LOG.warn("Graph aggregation: another process moved the cursor; reading it again");
                    aggregating = false; // claimed again before the next batch, from the cursor as stored
                    behind = true;
                } catch (RuntimeException e) {
                    long wait = behind ? 10 * intervalMs : intervalMs;
                    LOG.error("graph aggregation failed; it retries from its cursor in {} ms", wait, e);
                    sleep(wait);
                }
            }
        } finally {
            caughtUp.countDown();
        }
    }

    /**
     * Claims the lease; when it is this process's, continues from the cursor as stored (forgetting co-listen windows,
     * which another process may have moved on from). False while another process holds it.
     */
    private boolean takeOver() {
        Claim claim = graph.write(this::claim);
        claimed = claim.at();
        if (!claim.mine()) {
            return false;
        }
        synchronized (this) {
            if (!claim.at().equals(cursor) || aggregated != claim.events()) {
                windows.clear();
                lastPlay.clear();
            }
            cursor = claim.at();
            aggregated = claim.events();
            recentIds.clear();
            recentIds.addAll(claim.recentIds());
        }
        aggregating = true;
        behind = true;
        LOG.info("Graph aggregation: this process ({}) aggregates from {}", holder, cursor);
        return true;
    }

    /** An idle holder keeps its lease, so that the aggregation does not move to whichever process sees events first. */
    private void renewIfIdle() {
        if (running && aggregating && System.currentTimeMillis() - renewed > lease.toMillis() / 3) {
            graph.write(this::claimOrStandBy);
        }
    }

    /**
     * What arrives meanwhile is the holder's to count. The lease is tried again (it may have lapsed) while there is
     * something to aggregate: events arriving, or the journal reaching past the cursor the holder last stored.
     */
    private void standBy() {
        while (queue.peek() != null) {
            drop();
        }
        sleep(intervalMs);
        // tries again as events arrive, and every third of a lease in any case: of several workers the one holding the
        // lease also runs the scheduled jobs, which must go on when a holder died while no events came
        long until = System.currentTimeMillis() + lease.toMillis() / 3;
        while (running && queue.peek() == null && lastEnd.atOrBefore(claimed) && System.currentTimeMillis() < until) {
            sleep(intervalMs);
        }
    }

    /** {@link #claim}, by a process that holds the lease: if another one took it, this one stands by. */
    private Claim claimOrStandBy(org.neo4j.driver.TransactionContext tx) {
        Claim claim = claim(tx);
        if (!claim.mine()) {
            throw new Standby(claim.holder());
        }
        return claim;
    }

    /** Runs first in each aggregation transaction: takes the cursor's lock and the lease (renewed if this process's). */
    private Claim claim(org.neo4j.driver.TransactionContext tx) {
        long now = System.currentTimeMillis();
        Record r = tx.run(CypherFile.load("events/claim-aggregation.cypher").statement(), Map.of("consumer", CONSUMER, "holder", holder,
                "leaseMs", lease.toMillis())).single();
        if (r.get("mine").asBoolean()) {
            renewed = now;
        }
        return new Claim(r.get("mine").asBoolean(), r.get("holder").asString(),
                position(r), r.get("events").asLong(),
                r.get("recentIds").asList(v -> v.asString()));
    }

    /** A holder for an aggregator that is not restarted as the same instance: its process and a random suffix. */
    private static String oneOff() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits {@code millis}, or until {@link #close} wakes the loop. */
    private void sleep(long millis) {
        synchronized (wake) {
            if (!running) {
                return;
            }
            try {
                wake.wait(millis);
            } catch (InterruptedException e) {
                running = false; // abandon() interrupts
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final Set<Action> LISTENING = EnumSet.of(Action.PLAY, Action.COMPLETE, Action.SKIP, Action.LIKE, Action.UNLIKE,
            Action.DISLIKE);

    private void write(List<Event> events, JournalPosition end) {
        long started = System.nanoTime();
        Map<String, Map<String, Object>> listens = new LinkedHashMap<>();
        Map<String, long[]> pairs = new TreeMap<>();
        for (Event e : events) {
            // impressions, clicks, saves and shares are no listening: they must not make a LISTENED edge (scenes read
            // one as "heard"), and at a radio's pace impressions would be most of the writes
            if (e.itemType() != ItemType.SONG || !LISTENING.contains(e.action())) {
                continue;
            }
            String key = e.userId() + '\u0000' + e.itemId();
            Map<String, Object> row = listens.computeIfAbsent(key, k -> newRow(e));
            switch (e.action()) {
                case PLAY -> {
                    row.merge("plays", 1L, (a, b) -> (Long) a + (Long) b);
                    coListen(e, pairs);
                }
                case COMPLETE -> row.merge("completes", 1L, (a, b) -> (Long) a + (Long) b);
                case SKIP -> row.merge("skips", 1L, (a, b) -> (Long) a + (Long) b);
                case LIKE -> {
                    row.merge("likes", 1L, (a, b) -> (Long) a + (Long) b);
                    row.put("disliked", null);
                }
                case UNLIKE -> row.merge("likes", -1L, (a, b) -> (Long) a + (Long) b);
                // the latest word wins: a dislike cancels an earlier like and the other way round (scenes never offer a disliked song)
                case DISLIKE -> row.put("disliked", true);
                default -> { }
            }
            row.merge("lastAt", java.time.Instant.ofEpochMilli(e.ts()).atOffset(java.time.ZoneOffset.UTC),
                    (a, b) -> ((java.time.OffsetDateTime) a).isAfter((java.time.OffsetDateTime) b) ? a : b);
        }
        List<Map<String, Object>> pairRows = new ArrayList<>();
        pairs.forEach((k, w) -> {
            int cut = k.indexOf('\u0000');
            pairRows.add(Map.of("a", k.substring(0, cut), "b", k.substring(cut + 1), "weight", w[0], "synthetic", w[1]));
        });
        List<String> recent = recentAfter(events);
        JournalPosition from = cursor;
        try {
            writeBatch(from, end, events.size(), listens, pairRows, recent);
        } catch (RuntimeException e) {
            // the co-listen windows already hold this batch's plays: let go, since a replay of them would pair them twice
            windows.clear();
            lastPlay.clear();
            throw e;
        }
        cursor = end;
        recentIds.clear();
        recentIds.addAll(recent);
        aggregated += events.size();
        lastBatchMs = (System.nanoTime() - started) / 1_000_000;
        if (!listens.isEmpty() && !written.isEmpty()) {
            Set<String> users = new HashSet<>();
            listens.values().forEach(row -> users.add((String) row.get("user")));
            written.forEach(w -> w.accept(users));
        }
        if (!pairRows.isEmpty() && !coListened.isEmpty()) {
            Set<String> songs = new HashSet<>();
            pairRows.forEach(p -> {
                songs.add((String) p.get("a"));
                songs.add((String) p.get("b"));
            });
            coListened.forEach(c -> c.accept(songs));
        }
    }

    /**
     * One batch in one transaction: the claim first (the cursor's lock, the lease), then the counts, the cursor moved
     * past them and the lease renewed. Throws {@link Standby} or {@link Moved} (rolled back) when the claim says so.
     */
    private void writeBatch(JournalPosition from, JournalPosition end, int events, Map<String, Map<String, Object>> listens,
                            List<Map<String, Object>> pairRows, List<String> recent) {
        graph.write(tx -> {
            Claim claim = claimOrStandBy(tx);
            if (!claim.at().equals(from)) {
                throw new Moved();
            }
            if (!listens.isEmpty()) {
                tx.run(CypherFile.load("events/aggregate-listens.cypher").statement(), Map.of("rows", List.copyOf(listens.values()))).consume();
            }
            if (!pairRows.isEmpty()) {
                tx.run(CypherFile.load("events/aggregate-co-listens.cypher").statement(), Map.of("pairs", pairRows)).consume();
            }
            tx.run(CypherFile.load("events/move-cursor.cypher").statement(), cursorMove(end, events, recent)).consume();
            tx.run(CypherFile.load("events/renew-aggregation.cypher").statement(), Map.of("consumer", CONSUMER, "holder", holder,
                    "leaseMs", lease.toMillis())).consume();
            return null;
        });
    }

    /** The cursor a row of read-cursor.cypher or claim-aggregation.cypher gives. */
    private static JournalPosition position(Record r) {
        return r.get("lanes").isNull() ? new JournalPosition(r.get("segment").asLong(), r.get("offset").asLong())
                : JournalPosition.ofFlat(r.get("lanes").asList(v -> v.asLong()));
    }

    /** move-cursor.cypher's parameters: the cursor at {@code end}, {@code events} more counted. */
    private static Map<String, Object> cursorMove(JournalPosition end, long events, List<String> recent) {
        Map<String, Object> p = new HashMap<>();
        p.put("consumer", CONSUMER);
        p.put("segment", end.segment());
        p.put("offset", end.offset());
        p.put("lanes", end.lanes() > 1 ? end.flat() : null);
        p.put("events", events);
        p.put("recentIds", recent);
        return p;
    }

    /** The newest {@value #RECENT_IDS} event ids once {@code events} are folded in. */
    private List<String> recentAfter(List<Event> events) {
        Deque<String> next = new ArrayDeque<>(recentIds);
        int from = Math.max(0, events.size() - RECENT_IDS);
        for (Event e : events.subList(from, events.size())) {
            next.addLast(e.eventId());
        }
        while (next.size() > RECENT_IDS) {
            next.removeFirst();
        }
        return List.copyOf(next);
    }

    private static Map<String, Object> newRow(Event e) {
        Map<String, Object> row = new HashMap<>();
        row.put("user", e.userId());
        row.put("song", e.itemId());
        row.put("plays", 0L);
        row.put("completes", 0L);
        row.put("skips", 0L);
        row.put("likes", 0L);
        row.put("disliked", null);
        return row;
    }

    /** Pairs this play with the user's previous plays of the same session (at most {@value #WINDOW} back). */
    private void coListen(Event e, Map<String, long[]> pairs) {
        newestPlay = Math.max(newestPlay, e.ts());
        if (lastPlay.size() >= nextPrune) {
            forgetEndedSessions();
            nextPrune = Math.max(PRUNE_ABOVE, 2 * lastPlay.size()); // amortized: a prune per doubling at most
        }
        Long last = lastPlay.put(e.userId(), e.ts());
        Deque<String> window = windows.computeIfAbsent(e.userId(), k -> new ArrayDeque<>());
        boolean synthetic = Ids.synthetic(e.userId()); // their share is kept apart, so that demo purge can take it back
        if (last != null && e.ts() - last > ListenerState.SESSION_GAP_MS) {
            window.clear();
        }
        for (String other : window) {
            if (!other.equals(e.itemId())) {
                String a = other.compareTo(e.itemId()) < 0 ? other : e.itemId();
                String b = a.equals(other) ? e.itemId() : other;
                long[] w = pairs.computeIfAbsent(a + '\u0000' + b, k -> new long[2]);
                w[0]++;
                if (synthetic) {
                    w[1]++;
                }
            }
        }
        window.addLast(e.itemId());
        if (window.size() > WINDOW) {
            window.removeFirst();
        }
    }

    /**
     * Lets go of the windows of listeners whose session has ended (no play for a session gap before the newest play):
     * their next play starts a new window anyway. Keeps memory to the listeners playing now, not all who ever did.
     */
    private void forgetEndedSessions() {
        long before = newestPlay - ListenerState.SESSION_GAP_MS;
        lastPlay.entrySet().removeIf(u -> {
            if (u.getValue() < before) {
                windows.remove(u.getKey());
                return true;
            }
            return false;
        });
    }

    /** Number of listeners with an open co-listen window above which ended sessions are let go. */
    static final int PRUNE_ABOVE = 10_000;

    /** Listeners whose co-listen window is held (tests). */
    int windowsHeld() {
        return lastPlay.size();
    }

    /** Stops as a killed process would: nothing flushed, the lease not handed on (tests of a takeover). */
    void abandon() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    @Override
    public void close() {
        // woken, not interrupted: an interrupt inside a driver call fails the write it is in (the driver logs it with
        // its stack and retries); a write in progress finishes, a catch-up stops at its next event
        synchronized (wake) {
            running = false;
            wake.notifyAll();
        }
        try {
            thread.join(5_000);
            if (thread.isAlive()) { // stuck where only an interrupt ends it: a journal read from a broker that is down
                thread.interrupt();
                thread.join(5_000);
            }
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("final aggregation flush failed; it resumes from the cursor at the next start: {}", e.toString());
        }
        if (aggregating && !thread.isAlive()) { // a batch still running would renew the lease after the release
            release();
        }
    }

    /**
     * The journal no longer hands this process new events (it must restart): what it handed on is written, and the
     * lease goes at once to a process that still reads, rather than staying here, renewed, while nothing is counted.
     */
    private void handOn(RuntimeException why) {
        LOG.error("Graph aggregation stops in this process until it restarts: {}", why.getMessage());
        if (!aggregating) {
            return;
        }
        try {
            writePending();
        } catch (Standby | Moved e) {
            aggregating = false;
            return; // another process holds it already
        }
        release(); // then no longer the holder: whoever asks holdsLease() afterwards finds the lease free
        aggregating = false;
    }

    private void release() {
        try {
            graph.write(tx -> tx.run(CypherFile.load("events/release-aggregation.cypher").statement(),
                    Map.of("consumer", CONSUMER, "holder", holder)).consume());
        } catch (RuntimeException e) {
            LOG.warn("could not hand the aggregation on (another process takes it when the lease lapses): {}", e.toString());
        }
    }
}
