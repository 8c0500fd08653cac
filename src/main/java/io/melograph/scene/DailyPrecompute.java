package io.melograph.scene;

import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes Daily lists ahead of the listeners' 06:00 turns, so that a listener's first request of the day reads a
 * stored list instead of waiting for recall and ranking. Each pass looks {@code lead} ahead: the list a listener will
 * get then is computed unless it is stored. Passes take the most recently active listeners first, on {@code threads}
 * threads (one leaves a core to the requests; a fresh catalog of many listeners wants them all); a listener not reached
 * (new today, or beyond {@code max}) gets their list computed on request.
 */
public final class DailyPrecompute {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPrecompute.class);

    private final DailyMixScene daily;
    private final ListenerStates listeners;
    private final Duration lead;
    private final int max;
    private final int threads;

    /**
     * @param lead how far ahead to look (at least the time between two passes, so no 06:00 turn slips through)
     * @param max  the most listeners one pass considers
     */
    public DailyPrecompute(DailyMixScene daily, ListenerStates listeners, Duration lead, int max, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Daily precompute needs at least one thread, got " + threads);
        }
        this.threads = threads;
        this.daily = daily;
        this.listeners = listeners;
        this.lead = lead;
        this.max = max;
    }

    private record Active(String id, long last) {}

    private static long lastActive(ListenerState s) {
        ListenerState.Session session = s.session();
        return session == null ? 0 : session.last();
    }

    /** One pass; returns how many lists it computed. A listener whose list fails is logged and left to their request. */
    public int sweep(Instant now) {
        long started = System.nanoTime();
        List<String> ids = listeners.all().stream().map(s -> new Active(s.userId(), lastActive(s)))
                .sorted(Comparator.comparingLong(Active::last).reversed()).limit(max).map(Active::id).toList();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < ids.size() && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                try {
                    if (daily.prepare(ids.get(i), now.plus(lead), now)) {
                        done.incrementAndGet();
                    }
                } catch (RuntimeException e) {
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
            LOG.info("Daily lists computed ahead: {} of {} listeners in {} s ({} failed, left to their requests)", computed,
                    ids.size(), Math.round((System.nanoTime() - started) / 1e9), failed);
        }
        return computed;
    }
}
