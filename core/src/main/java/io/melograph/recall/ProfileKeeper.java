package io.melograph.recall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads listeners' profiles aside, in batches, one thread: whoever was asked for is read once, however often asked
 * meanwhile, and a listener read lately not again before {@code pace} has passed (an active listener's aggregated
 * events would otherwise have them read every second; the live state holds those events meanwhile). Its reads are the
 * graph's load, not a listener's wait.
 */
final class ProfileKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileKeeper.class);
    /** Listeners per query: large enough to pay the round trip once for many, small enough to answer within ~100 ms. */
    static final int BATCH = 100;
    /** Read times remembered, for pacing: beyond this many listeners the oldest are forgotten (they are due anyway). */
    private static final int REMEMBERED = 200_000;

    /** Listeners waiting, with the time (ms) they are due; and when each listener was last read. */
    private final LinkedHashMap<String, Long> waiting = new LinkedHashMap<>();
    private final LinkedHashMap<String, Long> readAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Consumer<List<String>> readAll;
    private final long paceMillis;
    private final Thread thread;
    private volatile boolean closed;
    /** Until the first time nothing waits: how many were read since the start (to say how long reading ahead took). */
    private long readAhead;
    private final long startedNanos = System.nanoTime();

    /**
     * @param first who to read first, asked on the keeper's thread (it may wait for the live state to be rebuilt)
     * @param paceMillis least time between two reads of one listener
     */
    ProfileKeeper(Consumer<List<String>> readAll, Supplier<Collection<String>> first, long paceMillis) {
        this.readAll = readAll;
        this.paceMillis = paceMillis;
        this.thread = new Thread(() -> {
            try {
                add(first.get());
            } catch (RuntimeException e) {
                LOG.warn("No profiles read ahead: {}", e.toString());
            }
            run();
        }, "profile-keeper");
        thread.setDaemon(true);
        thread.start();
    }

    void add(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        synchronized (waiting) {
            for (String id : userIds) {
                Long last = readAt.get(id);
                waiting.putIfAbsent(id, last == null ? now : Math.max(now, last + paceMillis));
            }
            waiting.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            List<String> batch = new ArrayList<>(BATCH);
            try {
                synchronized (waiting) {
                    long wait;
                    while ((wait = takeDue(batch)) != 0 && !closed) {
                        waiting.wait(wait < 0 ? 0 : Math.max(1, wait)); // until the first is due, or someone is asked for (0: no limit)
                    }
                }
                if (!batch.isEmpty()) {
                    readAll.accept(batch);
                    tellWhenAhead(batch.size());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the graph unavailable a while: their requests read them themselves
                LOG.debug("Profiles of {} listeners not read aside: {}", batch.size(), e.toString());
                sleepQuietly();
            }
        }
    }

    private void tellWhenAhead(int read) {
        if (readAhead < 0) {
            return;
        }
        readAhead += read;
        boolean none;
        synchronized (waiting) {
            none = waiting.isEmpty();
        }
        if (none) {
            LOG.info("Profiles read ahead: {} listeners in {} s", readAhead, Math.round((System.nanoTime() - startedNanos) / 1e9));
            readAhead = -1;
        }
    }

    /**
     * Moves up to {@link #BATCH} due listeners into {@code batch}; returns 0 when it took some, else how long until the
     * first is due (-1: none waiting, wait to be told).
     */
    private long takeDue(List<String> batch) {
        long now = System.currentTimeMillis();
        long next = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Long>> it = waiting.entrySet().iterator(); it.hasNext() && batch.size() < BATCH; ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() <= now) {
                batch.add(e.getKey());
                readAt.remove(e.getKey());
                readAt.put(e.getKey(), now);
                it.remove();
            } else {
                next = Math.min(next, e.getValue() - now);
            }
        }
        return !batch.isEmpty() ? 0 : next == Long.MAX_VALUE ? -1 : next;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
