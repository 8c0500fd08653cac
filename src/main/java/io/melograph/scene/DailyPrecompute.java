package io.melograph.scene;

import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Computes Daily lists ahead of the listeners' 06:00 turns, so that a listener's first request of the day reads a
 * stored list instead of waiting for recall and ranking. Each pass looks {@code lead} ahead: the list a listener will
 * get then is computed unless it is stored. Passes run one listener at a time, the most recently active first; a
 * listener not reached (new today, or beyond {@code max}) gets their list computed on request.
 */
public final class DailyPrecompute {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPrecompute.class);

    private final DailyMixScene daily;
    private final ListenerStates listeners;
    private final Duration lead;
    private final int max;

    /**
     * @param lead how far ahead to look (at least the time between two passes, so no 06:00 turn slips through)
     * @param max  the most listeners one pass considers
     */
    public DailyPrecompute(DailyMixScene daily, ListenerStates listeners, Duration lead, int max) {
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
        int computed = 0;
        int failed = 0;
        for (String id : ids) {
            try {
                if (daily.prepare(id, now.plus(lead), now)) {
                    computed++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.debug("Daily list of {} not computed ahead: {}", id, e.toString());
            }
        }
        if (computed > 0 || failed > 0) {
            LOG.info("Daily lists computed ahead: {} of {} listeners in {} s ({} failed, left to their requests)", computed,
                    ids.size(), Math.round((System.nanoTime() - started) / 1e9), failed);
        }
        return computed;
    }
}
