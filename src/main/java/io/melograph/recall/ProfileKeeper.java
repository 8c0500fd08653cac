package io.melograph.recall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads listeners' profiles aside, in batches, one thread: whoever was asked for once is read once, however often
 * asked meanwhile. Its reads are the graph's load, not a listener's wait.
 */
final class ProfileKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileKeeper.class);
    /** Listeners per query: large enough to pay the round trip once for many, small enough to answer within ~100 ms. */
    static final int BATCH = 100;

    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private final Consumer<List<String>> readAll;
    private final Thread thread;
    private volatile boolean closed;

    /** @param first who to read first, asked on the keeper's thread (it may wait for the live state to be rebuilt) */
    ProfileKeeper(Consumer<List<String>> readAll, Supplier<Collection<String>> first) {
        this.readAll = readAll;
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
        synchronized (waiting) {
            waiting.addAll(userIds);
            waiting.notifyAll();
        }
    }

    /** Listeners waiting to be read. */
    int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void run() {
        while (!closed) {
            List<String> batch = new ArrayList<>(BATCH);
            try {
                synchronized (waiting) {
                    while (waiting.isEmpty() && !closed) {
                        waiting.wait();
                    }
                    for (Iterator<String> it = waiting.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                        batch.add(it.next());
                        it.remove();
                    }
                }
                if (!batch.isEmpty()) {
                    readAll.accept(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the graph unavailable a while: their requests read them themselves
                LOG.debug("Profiles of {} listeners not read aside: {}", batch.size(), e.toString());
                sleepQuietly();
            }
        }
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
