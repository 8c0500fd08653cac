package io.melograph.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Catches a consumer up with the journal on a thread of its own, then hands it the journal's durable groups, so a
 * restart answers requests while derived state is still being rebuilt. Groups written during the catch-up wait here;
 * those the catch-up already read (they end at or before where it stopped) are dropped, the rest follow in order.
 * Nothing is read twice, nothing is missed.
 */
public final class JournalFollower implements Journal.Durable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);

    private record Group(List<Event> events, JournalPosition end) {}

    private final String name;
    private final Journal.Durable live;
    private final List<Group> waiting = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    /** Where the catch-up stopped; null while it runs. */
    private JournalPosition reached;
    private volatile boolean failed;

    private JournalFollower(String name, Journal.Durable live) {
        this.name = name;
        this.live = live;
    }

    /**
     * Follows {@code journal}: {@code catchUp} runs on a thread named {@code name} and returns the position just after
     * the last event it read (it must read at least to where the journal ended when it began); then every durable
     * group goes to {@code live}, on the journal's writer thread.
     */
    public static JournalFollower start(String name, Journal journal, Supplier<JournalPosition> catchUp, Journal.Durable live) {
        JournalFollower follower = new JournalFollower(name, live);
        journal.onDurable(follower); // before the catch-up reads: no group can fall between the two
        Thread t = new Thread(() -> follower.run(catchUp), name);
        t.setDaemon(true);
        t.start();
        return follower;
    }

    private void run(Supplier<JournalPosition> catchUp) {
        try {
            JournalPosition to = catchUp.get();
            synchronized (this) {
                for (Group g : waiting) {
                    if (!g.end().atOrBefore(to)) {
                        live.accept(g.events(), g.end());
                    }
                }
                waiting.clear();
                reached = to;
            }
        } catch (RuntimeException e) {
            // the consumer cannot follow without what it missed: it stays as it is until the next start
            failed = true;
            synchronized (this) {
                waiting.clear();
            }
            LOG.error("{}: catching up with the event journal failed; this state stops following it until a restart", name, e);
        } finally {
            done.countDown();
        }
    }

    @Override
    public synchronized void accept(List<Event> events, JournalPosition end) {
        if (failed) {
            return;
        }
        if (reached == null) {
            waiting.add(new Group(events, end));
        } else {
            live.accept(events, end);
        }
    }

    /** Whether the catch-up has finished (and live groups flow). */
    public synchronized boolean caughtUp() {
        return reached != null;
    }

    /** Waits for the catch-up to end (commands and tests that need the state complete); fails if it failed. */
    public void awaitCaughtUp() {
        try {
            if (!done.await(10, TimeUnit.MINUTES) || failed) {
                throw new IllegalStateException(name + ": did not catch up with the event journal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while catching up", e);
        }
    }
}
