package io.melograph.scene;

import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import io.melograph.util.BusyCpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes Daily lists ahead of the listeners' 06:00 turns, so that a listener's first request of the day reads a
 * stored list instead of waiting for recall and ranking. Each pass looks {@code lead} ahead: the list a listener will
 * get then is computed unless it is stored. Passes take the most recently active listeners first, on {@code threads}
 * threads (one leaves a core to the requests; a fresh catalog of many listeners wants them all), and before a list
 * they give way to requests while the CPUs are busy ({@link BusyCpus}: a list is due at the listener's next request,
 * an event's acknowledgement now); a listener not reached (new today, or beyond {@code max}) gets their list computed
 * on request.
 */
public final class DailyPrecompute {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPrecompute.class);
    /** The longest wait before one list on busy CPUs: a pass still moves on a machine that stays busy. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final DailyMixScene daily;
    private final ListenerStates listeners;
    private final Duration lead;
    private final int max;
    private final int threads;
    private final BusyCpus busy;
    private volatile boolean stopped;

    /**
     * @param lead how far ahead to look (at least the time between two passes, so no 06:00 turn slips through)
     * @param max  the most listeners one pass considers
     * @param busy when to wait before the next list ({@link BusyCpus#NEVER}: never)
     */
    public DailyPrecompute(DailyMixScene daily, ListenerStates listeners, Duration lead, int max, int threads, BusyCpus busy) {
        if (threads < 1) {
            throw new IllegalArgumentException("Daily precompute needs at least one thread, got " + threads);
        }
        this.threads = threads;
        this.daily = daily;
        this.listeners = listeners;
        this.lead = lead;
        this.max = max;
        this.busy = busy;
    }

    private record Active(String id, long last) {}

    private static long lastActive(ListenerState s) {
        ListenerState.Session session = s.session();
        return session == null ? 0 : session.last();
    }

    /**
     * Ends a running pass after the lists in progress and keeps later ones from starting (the process is shutting down:
     * the graph closes next, and the lists left are their listeners' requests, not failures).
     */
    public void stop() {
        stopped = true;
    }

    /** One pass; returns how many lists it computed. A listener whose list fails is logged and left to their request. */
    public int sweep(Instant now) {
        long started = System.nanoTime();
        List<String> ids = listeners.all().stream().map(s -> new Active(s.userId(), lastActive(s)))
                .sorted(Comparator.comparingLong(Active::last).reversed()).limit(max).map(Active::id).toList();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicLong waited = new AtomicLong();
        Runnable worker = () -> {
            long mine = 0;
            for (int i = next.getAndIncrement(); i < ids.size() && !stopped && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                try {
                    long w = busy.giveWay();
                    mine += w;
                    waited.addAndGet(w);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                try {
                    Instant at = now.plusMillis(mine); // a pass that waited long computes for the time it has come to
                    if (daily.prepare(ids.get(i), at.plus(lead), at)) {
                        done.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    if (stopped) {
                        break; // the graph closed under it
                    }
                    lost.incrementAndGet();
                    LOG.debug("Daily list of {} not computed ahead: {}", ids.get(i), e.toString());
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(worker, "daily-ahead-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run(); // the pass's own thread is the first worker
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                helpers.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                break;
            }
        }
        int computed = done.get();
        int failed = lost.get();
        if (computed > 0 || failed > 0) {
            LOG.info("Daily lists computed ahead: {} of {} listeners in {} s ({} failed, left to their requests; {} s of waiting "
                    + "for busy CPUs){}", computed, ids.size(), Math.round((System.nanoTime() - started) / 1e9), failed,
                    Math.round(waited.get() / 1e3), stopped ? "; stopped, the process is shutting down" : "");
        }
        return computed;
    }
}
